import Foundation
import Ledger

/// One connection to the ledger's database for origination's tables, used by one statement
/// sequence at a time. Opening brings the schema up to date (migrations 40–49 hold the tables).
public final class PartyDatabase: @unchecked Sendable {
    private let connection: any SQLConnection
    private let lock = NSLock()

    /// Wraps `connection` after migrating it.
    public init(_ connection: any SQLConnection) throws {
        try LedgerMigrator.migrate(connection)
        self.connection = connection
    }

    /// Opens a SQLite path or a `postgres://` (or libpq `host=`) location.
    public static func open(_ location: String) throws -> PartyDatabase {
        if location.hasPrefix("host=") { return try PartyDatabase(PostgresConnection(url: location)) }
        return try PartyDatabase(DatabaseLocation(location).connect())
    }

    /// Runs `body` in one transaction, the connection held by this thread alone; database failures
    /// become `PartyStoreError.database` (or what `duplicate` says, asked after the rollback, when a
    /// unique key is violated), and `PartyStoreError`s pass through. Everything is rolled back on an error.
    func transaction<T>(duplicate: ((any SQLConnection) -> PartyStoreError)? = nil,
                        _ body: (any SQLConnection) throws -> T) throws(PartyStoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.transaction { try body(connection) }
        } catch let error as PartyStoreError {
            throw error
        } catch {
            if let duplicate, connection.isUniqueViolation(error) { throw duplicate(connection) }
            throw .database(String(describing: error))
        }
    }

    /// ` FOR UPDATE` where the backend locks rows (PostgreSQL).
    var forUpdate: String { connection.lockRowsClause }
}
