import Identity
import Ledger

/// The audit log in `audit_log`. Appends run in a transaction that reads the last row and inserts
/// the next; the sequence is the primary key, so two appends at once cannot both link to the same
/// row: the loser's insert fails and it retries on the new last row. The chain never forks.
public final class SQLAuditLog: AuditLog {
    let database: LockedConnection
    static let attempts = 20

    public init(_ database: LockedConnection) { self.database = database }

    @discardableResult
    public func append(_ entry: AuditEntry) throws -> AuditRecord {
        var attempt = 1
        while true {
            do {
                return try database.transaction { connection in
                    let last = try connection.query(
                        "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1", []
                    ).first.map { (sequence: $0.int64(0), hash: $0.text(1)) }
                    let record = AuditChain.link(entry, after: last)
                    try connection.query("""
                        INSERT INTO audit_log (\(AuditRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, AuditRow.values(record))
                    return record
                }
            } catch where attempt < Self.attempts && database.isUniqueViolation(error) {
                attempt += 1
            }
        }
    }

    public func records(from sequence: Int64, limit: Int) throws -> [AuditRecord] {
        try database.withConnection {
            try $0.query("SELECT \(AuditRow.columns) FROM audit_log WHERE sequence >= ? ORDER BY sequence LIMIT ?",
                         [.integer(sequence), .integer(Int64(limit))]).map(AuditRow.record)
        }
    }

    /// How many rows the log holds.
    public func count() throws -> Int {
        try database.withConnection { Int(try $0.query("SELECT COUNT(*) FROM audit_log", []).first?.int64(0) ?? 0) }
    }
}
