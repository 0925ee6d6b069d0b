import CLibPQ
import Foundation

/// A failure reported by PostgreSQL: its SQLSTATE, message, and what we were doing. Messages never
/// include bound values.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public let sqlState: String
    public let message: String
    public let context: String
    /// The server's detail line (a unique violation's key, say), when it sent one.
    public var detail = ""

    public var description: String { "PostgreSQL error \(sqlState) while \(context): \(message)" }
}

/// One libpq connection. SQL is written with `?` placeholders (as for SQLite) and numbered `$1…`
/// here; parameters and results travel as text. Not shared between threads.
public final class PostgresConnection: SQLConnection {
    let handle: OpaquePointer
    /// Statement texts as sent (`$n` placeholders) and whether they return rows, by the text as
    /// written: multi-row statements are long, so each is looked at once.
    private var translated: [String: (text: String, readsRows: Bool)] = [:]

    /// Connects with a libpq URL or key=value string, e.g. `postgres://user@host/db`.
    public init(url: String) throws(PostgresError) {
        guard let connection = PQconnectdb(url) else {
            throw PostgresError(sqlState: "", message: "out of memory", context: "connecting")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(sqlState: "08001", message: message, context: "connecting")
        }
        handle = connection
        try execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(handle) }

    /// Names of the statements prepared on this connection, by their text.
    var prepared: [String: String] = [:]
    /// Statements prepared so far, for fresh names (a name is never reused).
    var preparedCount = 0
    /// The pipeline in progress, if any (`PostgresConnection+Pipeline`).
    var pipeline: Pipeline?

    /// The name `text` is prepared under, preparing it the first time: the server parses and plans
    /// each statement once per connection. Only plannable statements are prepared.
    private func preparedName(_ text: String, parameters: Int32) throws(PostgresError) -> String? {
        if let name = prepared[text] { return name }
        let verb = text.prefix { $0 != " " && $0 != "\n" }.uppercased()
        guard ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(verb) else { return nil }
        preparedCount += 1
        let name = "lendline_\(preparedCount)"
        if pipeline != nil { return try queuePrepare(name, text, parameters: parameters) }
        let result = PQprepare(handle, name, text, parameters, nil)
        defer { PQclear(result) }
        try check(result, context: "preparing a statement")
        prepared[text] = name
        return name
    }

    public func execute(_ sql: String) throws(PostgresError) {
        try requireNoPipeline()
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, context: "executing SQL")
    }

    @discardableResult
    public func query(_ sql: String, _ values: [SQLValue?]) throws -> [SQLRow] {
        let (text, readsRows) = numbered(sql)
        let name = try preparedName(text, parameters: Int32(values.count))
        if pipeline != nil {
            try queue(name: name, text: text, values, readsRows: readsRows)
            return []
        }
        let result = ParameterBuffer(values).withParameters { pointers, lengths in
            if let name { return PQexecPrepared(handle, name, Int32(values.count), pointers, lengths, nil, 0) }
            return PQexecParams(handle, text, Int32(values.count), nil, pointers, lengths, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, context: "running a statement")
        let rows = PQntuples(result), columns = PQnfields(result)
        return (0..<rows).map { r in
            SQLRow((0..<columns).map { c -> SQLValue? in
                PQgetisnull(result, r, c) == 1 ? nil : .text(Self.text(result, r, c))
            })
        }
    }

    /// A text value of a result, read with the length libpq already has rather than a scan for
    /// the terminator (a checkpoint is a few kilobytes).
    static func text(_ result: OpaquePointer?, _ row: Int32, _ column: Int32) -> String {
        guard let value = PQgetvalue(result, row, column) else { return "" }
        let bytes = UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(PQgetlength(result, row, column))), as: UTF8.self)
    }

    public let beginStatement = "BEGIN"
    public let dialect = SQLDialect.postgresql
    public let lockRowsClause = " FOR UPDATE"
    public var transactionDepth = 0

    public func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PostgresError)?.sqlState == "23505"
    }

    func check(_ result: OpaquePointer?, context: String) throws(PostgresError) {
        let status = PQresultStatus(result)
        guard status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK else { return }
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            ?? String(cString: PQerrorMessage(handle))
        let detail = PQresultErrorField(result, Int32(UInt8(ascii: "D"))).map { String(cString: $0) } ?? ""
        throw PostgresError(sqlState: state, message: message, context: context, detail: detail)
    }

    /// `?` placeholders as `$1, $2…` (the ledger's SQL has no `?` inside literals).
    func numbered(_ sql: String) -> (text: String, readsRows: Bool) {
        if let done = translated[sql] { return done }
        var out = "", n = 0
        for c in sql {
            if c == "?" { n += 1; out += "$\(n)" } else { out.append(c) }
        }
        let done = (out, Self.readsRows(out))
        translated[sql] = done
        return done
    }
}

/// The event store on PostgreSQL.
public typealias PostgresEventStore = SQLEventStore<PostgresConnection>

extension SQLEventStore where Connection == PostgresConnection {
    /// Connects to `url` and brings the schema up to date.
    public convenience init(url: String) throws {
        try self.init(connection: PostgresConnection(url: url))
    }
}
