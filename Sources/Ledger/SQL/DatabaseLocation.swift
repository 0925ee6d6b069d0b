/// Where the loan book lives: a SQLite file path or a `postgres://` URL. One place decides which
/// backend a location names, for the command line and the server alike.
public struct DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// Whether the location is a PostgreSQL URL rather than a SQLite file.
    public var isPostgres: Bool { text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") }

    /// The location without a password, for logs.
    public var description: String {
        guard isPostgres, let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://") else { return text }
        return String(text[..<scheme.upperBound]) + "…" + String(text[at...])
    }

    /// A new connection, its schema brought up to date. With `autoCheckpoint` false a SQLite
    /// connection leaves WAL checkpoints to a `SQLiteCheckpointer`.
    public func connect(autoCheckpoint: Bool = true) throws -> any SQLConnection {
        let connection: any SQLConnection =
            isPostgres
            ? try PostgresConnection(url: text)
            : try SQLiteConnection(path: text, autoCheckpoint: autoCheckpoint)
        try LedgerMigrator.migrate(connection)
        return connection
    }

    /// The event store over `connection`.
    public static func store(over connection: any SQLConnection) throws -> any EventStore {
        try makeStore(connection)
    }

    private static func makeStore<C: SQLConnection>(_ connection: C) throws -> any EventStore {
        try SQLEventStore(connection: connection)
    }

    /// A new connection's event store.
    public func openStore(autoCheckpoint: Bool = true) throws -> any EventStore {
        try Self.store(over: try connect(autoCheckpoint: autoCheckpoint))
    }
}
