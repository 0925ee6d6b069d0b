import CSQLite

/// One connection to a SQLite database file, in WAL mode with foreign keys on. Not shared between
/// threads: each worker opens its own (SQLite serialises writers with its file lock).
public final class SQLiteConnection: SQLConnection {
    let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// Process-wide settings, made once before the first connection opens: no memory statistics
    /// (a mutex every allocation, which threads on connections of their own queued on).
    private static let configured: Void = { _ = lendline_sqlite_disable_memory_statistics() }()

    /// Opens (creating if needed) the database at `path`; `":memory:"` for a private in-memory one.
    /// With `autoCheckpoint` false the connection never checkpoints the WAL itself: a
    /// `SQLiteCheckpointer` must run beside it.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000, autoCheckpoint: Bool = true) throws(SQLiteError) {
        _ = Self.configured
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message, context: "opening the database")
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        // SQLite's own page cache is 2 MB by default: at 100,000 loans the day end's pages (the
        // accounts and the events' key) did not fit, and every page came back through a read
        // call. The cache is per connection and grows only as pages are used; the map is the
        // operating system's cache, shared by every connection.
        try execute("PRAGMA cache_size = -131072")
        // Asked for more than any build maps: SQLite takes its compile-time limit (2 GiB on Debian).
        try execute("PRAGMA mmap_size = 68719476736")
        if !autoCheckpoint { try execute("PRAGMA wal_autocheckpoint = 0") }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results.
    public func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: message, context: "executing SQL")
        }
    }

    /// A prepared statement for `sql`, cached per connection and reset for reuse.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        let statement = try SQLiteStatement(connection: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    @discardableResult
    public func query(_ sql: String, _ values: [SQLValue?]) throws -> [SQLRow] {
        let statement = try prepare(sql).bind(values)
        defer { statement.reset() }
        return try statement.rows { $0.row() }
    }

    public func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? SQLiteError)?.isUniqueViolation ?? false
    }

    /// `BEGIN IMMEDIATE`: the write lock is taken at once, so two writers never deadlock upgrading.
    public let beginStatement = "BEGIN IMMEDIATE"
    public let dialect = SQLDialect.sqlite
    public let lockRowsClause = ""
    public var transactionDepth = 0

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
