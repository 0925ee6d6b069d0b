import CSQLite

/// A failure reported by SQLite: the result code, SQLite's message, and what we were doing.
/// Messages never include bound values (they may be borrower data).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let context: String

    /// Whether the failure is a UNIQUE or PRIMARY KEY constraint (a duplicate).
    public var isUniqueViolation: Bool {
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555): macros Swift cannot import.
        code == 2067 || code == 1555
    }

    /// Whether another connection holds the lock.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }

    public var description: String { "SQLite error \(code) while \(context): \(message)" }
}
