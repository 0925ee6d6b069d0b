import LoanMath

/// The event store on a SQLite file (the embedded default). One instance per connection/thread.
public final class SQLiteEventStore: EventStore {
    public let connection: SQLiteConnection

    /// Opens the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        connection = try SQLiteConnection(path: path)
        try migrate()
    }

    /// Applies the migrations not yet recorded, each in its own transaction.
    public func migrate() throws {
        try connection.execute(LedgerSchema.bookkeeping)
        let applied = Set(try connection.prepare("SELECT version FROM schema_migration").rows { Int($0.int64(0)) })
        for migration in LedgerSchema.migrations where !applied.contains(migration.version) {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.prepare("INSERT INTO schema_migration (version, name) VALUES (?, ?)")
                    .bind([.integer(Int64(migration.version)), .text(migration.name)]).run()
            }
        }
    }

    public func append(_ batch: EventBatch, project: (ProjectionContext) throws -> Void) throws -> AppendOutcome {
        try EventBatchRules.check(batch)
        return try connection.transaction { () throws -> AppendOutcome in
            if let earlier = try command(batch) { return .duplicate(earlier) }
            let last = try lastSequence(loanID: batch.loanID)
            guard last == batch.expectedSequence else {
                throw LedgerError.concurrencyConflict(loanID: batch.loanID, expected: batch.expectedSequence, actual: last)
            }
            let events = EventBatchRules.events(of: batch, after: last)
            let insert = try connection.prepare("""
                INSERT INTO loan_event (loan_id, sequence, event_type, value_date, recorded_at, idempotency_key,
                                        catalog_version, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for event in events {
                insert.reset()
                try insert.bind(EventRow.values(event)).run()
            }
            let newLast = last + Int64(events.count)
            try connection.prepare("""
                INSERT INTO loan_stream (loan_id, last_sequence) VALUES (?, ?)
                ON CONFLICT (loan_id) DO UPDATE SET last_sequence = excluded.last_sequence
                """).bind([.text(batch.loanID), .integer(newLast)]).run()
            try connection.prepare("""
                INSERT INTO loan_command (loan_id, idempotency_key, request_hash, first_sequence, last_sequence)
                VALUES (?, ?, ?, ?, ?)
                """).bind([.text(batch.loanID), .text(batch.idempotencyKey), .text(batch.requestHash),
                           .integer(last + 1), .integer(newLast)]).run()
            try project(SQLiteProjectionContext(connection: connection))
            return .appended(events)
        }
    }

    /// The events of an earlier command with the batch's key, or a conflict when its request differs.
    func command(_ batch: EventBatch) throws -> [LoanEvent]? {
        let lookup = try connection.prepare("""
            SELECT request_hash, first_sequence, last_sequence FROM loan_command WHERE loan_id = ? AND idempotency_key = ?
            """).bind([.text(batch.loanID), .text(batch.idempotencyKey)])
        guard try lookup.step() else { return nil }
        let hash = lookup.text(0), first = lookup.int64(1), last = lookup.int64(2)
        lookup.reset()
        guard hash == batch.requestHash else {
            throw LedgerError.idempotencyConflict(loanID: batch.loanID, key: batch.idempotencyKey)
        }
        return try events(loanID: batch.loanID, after: first - 1).filter { $0.sequence <= last }
    }

    public func events(loanID: String, after sequence: Int64) throws -> [LoanEvent] {
        try connection.prepare("""
            SELECT loan_id, sequence, event_type, value_date, recorded_at, idempotency_key, catalog_version, payload
            FROM loan_event WHERE loan_id = ? AND sequence > ? ORDER BY sequence
            """).bind([.text(loanID), .integer(sequence)]).rows(EventRow.read)
    }

    public func lastSequence(loanID: String) throws -> Int64 {
        let statement = try connection.prepare("SELECT last_sequence FROM loan_stream WHERE loan_id = ?")
            .bind([.text(loanID)])
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : 0
    }
}

/// Projection writes inside a SQLite append.
struct SQLiteProjectionContext: ProjectionContext {
    let connection: SQLiteConnection

    func execute(_ sql: String, _ values: [SQLValue?]) throws {
        try connection.prepare(sql).bind(values).run()
    }
}
