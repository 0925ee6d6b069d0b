import CSQLite
import Foundation

/// A prepared SQLite statement: bind by position (1-based), step, read columns.
public final class SQLiteStatement {
    let handle: OpaquePointer
    unowned let connection: SQLiteConnection
    let sql: String

    init(connection: SQLiteConnection, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: rc, message: connection.lastMessage, context: "preparing a statement")
        }
        handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds the values in order; `nil` binds NULL.
    @discardableResult
    public func bind(_ values: [SQLValue?]) -> SQLiteStatement {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case nil: sqlite3_bind_null(handle, index)
            case .integer(let n)?: sqlite3_bind_int64(handle, index, n)
            case .text(let s)?: sqlite3_bind_text(handle, index, s, -1, Self.transient)
            }
        }
        return self
    }

    /// Steps once: `true` when a row is ready, `false` when done.
    public func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let code = sqlite3_extended_errcode(connection.handle)
        let message = connection.lastMessage
        sqlite3_reset(handle)
        throw SQLiteError(code: code, message: message, context: "running a statement")
    }

    /// Runs to completion, discarding rows.
    public func run() throws(SQLiteError) {
        while try step() {}
    }

    /// Every row, read by `row`.
    public func rows<T>(_ row: (SQLiteStatement) -> T) throws(SQLiteError) -> [T] {
        var out: [T] = []
        while try step() { out.append(row(self)) }
        return out
    }

    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    public func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        // The length SQLite already knows, rather than a scan for the terminator.
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The current row with every column as an integer, text or NULL.
    func row() -> SQLRow {
        let count = sqlite3_column_count(handle)
        return SQLRow((0..<count).map { column -> SQLValue? in
            switch sqlite3_column_type(handle, column) {
            case SQLITE_NULL: return nil
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
            default: return .text(text(column))
            }
        })
    }
}
