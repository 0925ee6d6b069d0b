import Foundation
import Ledger

/// One database connection shared by a server's threads, one statement sequence at a time (a
/// connection is not thread-safe). Opening brings the schema up to date.
public final class LockedConnection: @unchecked Sendable {
    private let connection: any SQLConnection
    private let lock = NSLock()
    /// Whether rows can be locked with `SELECT … FOR UPDATE` (PostgreSQL; SQLite locks the file).
    let locksRows: Bool

    /// Wraps `connection` after migrating it.
    public init(_ connection: any SQLConnection) throws {
        try LedgerMigrator.migrate(connection)
        self.connection = connection
        self.locksRows = connection is PostgresConnection
    }

    /// Opens a SQLite path or a `postgres://` URL.
    public static func open(_ location: String) throws -> LockedConnection {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") || location.hasPrefix("host=") {
            return try LockedConnection(PostgresConnection(url: location))
        }
        return try LockedConnection(SQLiteConnection(path: location))
    }

    /// Runs `body` with the connection held by this thread alone.
    public func withConnection<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(connection)
    }

    /// Whether `error` is a unique-key violation (two writers claimed the same row).
    func isUniqueViolation(_ error: any Error) -> Bool {
        (try? withConnection { $0.isUniqueViolation(error) }) ?? false
    }

    /// Runs `body` in one transaction with the connection held by this thread alone.
    @discardableResult
    func transaction<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try withConnection { connection in try connection.transaction { try body(connection) } }
    }

    /// ` FOR UPDATE` where the backend locks rows.
    var forUpdate: String { locksRows ? " FOR UPDATE" : "" }
}
