/// What the ledger needs of a database connection; SQLite and PostgreSQL (libpq) provide it, so one
/// store implementation and one test suite serve both. SQL uses `?` placeholders; the PostgreSQL
/// connection numbers them.
public protocol SQLConnection: AnyObject {
    /// Runs statements without parameters or results.
    func execute(_ sql: String) throws
    /// Runs one statement with `values` bound in order and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue?]) throws -> [SQLRow]
    /// The statement that opens an outermost transaction.
    var beginStatement: String { get }
    /// How many transactions (the outermost and savepoints inside it) are open; kept by `transaction`.
    var transactionDepth: Int { get set }
    /// Whether `error` is a unique-key violation (two writers claimed the same row).
    func isUniqueViolation(_ error: any Error) -> Bool
    /// What a `SELECT` ends with to lock the rows it reads until commit (` FOR UPDATE`), or nothing
    /// where the write transaction locks the whole database.
    var lockRowsClause: String { get }
    /// Which database this is, for the few statements only one of them has.
    var dialect: SQLDialect { get }
}

/// The databases the ledger runs on.
public enum SQLDialect: Sendable {
    case sqlite
    case postgresql
}

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Hashable {
    case integer(Int64)
    case text(String)
}

/// One result row, columns by position.
public struct SQLRow: Sendable, Hashable {
    public let columns: [SQLValue?]

    public init(_ columns: [SQLValue?]) { self.columns = columns }

    /// Column `index` as an integer (text holding digits is read too; PostgreSQL returns text).
    public func int64(_ index: Int) -> Int64 {
        switch columns[index] {
        case .integer(let n)?: return n
        case .text(let s)?: return Int64(s) ?? 0
        case nil: return 0
        }
    }

    /// Column `index` as text.
    public func text(_ index: Int) -> String {
        switch columns[index] {
        case .text(let s)?: return s
        case .integer(let n)?: return String(n)
        case nil: return ""
        }
    }

    public func isNull(_ index: Int) -> Bool { columns[index] == nil }
}

extension SQLConnection {
    /// Runs `body` in a transaction that holds the write lock; commits on return, rolls back on
    /// error. Inside another transaction it is a savepoint: its error rolls back only its own work,
    /// and nothing is durable until the outermost transaction commits.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = transactionDepth == 0 ? nil : "lendline_\(transactionDepth)"
        // Savepoint statements go through `query`, whose prepared statements are cached: a day end
        // opens one per loan.
        if let savepoint { try query("SAVEPOINT \(savepoint)", []) } else { try execute(beginStatement) }
        transactionDepth += 1
        do {
            let result = try body()
            transactionDepth -= 1
            if let savepoint { try query("RELEASE SAVEPOINT \(savepoint)", []) } else { try execute("COMMIT") }
            return result
        } catch {
            transactionDepth -= 1
            if let savepoint {
                _ = try? query("ROLLBACK TO SAVEPOINT \(savepoint)", [])
                _ = try? query("RELEASE SAVEPOINT \(savepoint)", [])
            } else {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }
}
