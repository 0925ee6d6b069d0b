import LoanMath

/// The event store over any `SQLConnection`: the same statements on SQLite and PostgreSQL.
/// One instance per connection; connections are not shared between threads.
public final class SQLEventStore<Connection: SQLConnection>: EventStore {
    public let connection: Connection

    /// A store over `connection`, its schema brought up to date.
    public init(connection: Connection) throws {
        self.connection = connection
        try LedgerMigrator.migrate(connection)
    }

    public func append(_ batch: EventBatch, project: (ProjectionContext) throws -> Void) throws -> AppendOutcome {
        try EventBatchRules.check(batch)
        do {
            return try connection.transaction { () throws -> AppendOutcome in
                if batch.recordsCommand, let earlier = try command(batch) { return .duplicate(earlier) }
                let last = try lastSequence(loanID: batch.loanID)
                guard last == batch.expectedSequence else {
                    throw LedgerError.concurrencyConflict(loanID: batch.loanID, expected: batch.expectedSequence, actual: last)
                }
                let events = EventBatchRules.events(of: batch, after: last)
                for event in events {
                    try connection.query(EventRow.insert, EventRow.values(event))
                }
                let newLast = last + Int64(events.count)
                if batch.recordsCommand {
                    try connection.query("""
                        INSERT INTO loan_command (loan_id, idempotency_key, request_hash, first_sequence, last_sequence)
                        VALUES (?, ?, ?, ?, ?)
                        """, [.text(batch.loanID), .text(batch.idempotencyKey), .text(batch.requestHash),
                              .integer(last + 1), .integer(newLast)])
                }
                // A new loan writes its whole schedule: gathered into multi-row statements, one
                // round trip instead of one a line.
                let buffer = BufferedProjectionContext(connection: connection)
                try project(buffer)
                try buffer.flush()
                return .appended(events)
            }
        } catch where connection.isUniqueViolation(error) {
            // Another writer committed the same sequence (or the same command) first.
            let actual = (try? lastSequence(loanID: batch.loanID)) ?? batch.expectedSequence
            throw LedgerError.concurrencyConflict(loanID: batch.loanID, expected: batch.expectedSequence, actual: actual)
        }
    }

    /// The events of an earlier command with the batch's key, or a conflict when its request differs.
    func command(_ batch: EventBatch) throws -> [LoanEvent]? {
        try command(loanID: batch.loanID, idempotencyKey: batch.idempotencyKey, requestHash: batch.requestHash)
    }

    /// The events an earlier command with `idempotencyKey` wrote on the loan, nil when there was none;
    /// `LedgerError.idempotencyConflict` when that command's request differs from `requestHash`.
    public func command(loanID: String, idempotencyKey: String, requestHash: String) throws -> [LoanEvent]? {
        let rows = try connection.query("""
            SELECT request_hash, first_sequence, last_sequence FROM loan_command WHERE loan_id = ? AND idempotency_key = ?
            """, [.text(loanID), .text(idempotencyKey)])
        guard let row = rows.first else { return nil }
        guard row.text(0) == requestHash else {
            throw LedgerError.idempotencyConflict(loanID: loanID, key: idempotencyKey)
        }
        let first = row.int64(1), last = row.int64(2)
        return try events(loanID: loanID, after: first - 1).filter { $0.sequence <= last }
    }

    public func events(loanID: String, after sequence: Int64) throws -> [LoanEvent] {
        try connection.query("""
            SELECT \(EventRow.columns) FROM loan_event WHERE loan_id = ? AND sequence > ? ORDER BY sequence
            """, [.text(loanID), .integer(sequence)]).map { (row) throws(LedgerError) in try EventRow.read(row) }
    }

    public func events(loanIDs: [String]) throws -> [String: [LoanEvent]] {
        var events: [String: [LoanEvent]] = [:]
        for start in stride(from: 0, to: loanIDs.count, by: 500) {
            let chunk = loanIDs[start..<min(start + 500, loanIDs.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try connection.query("""
                SELECT \(EventRow.columns) FROM loan_event WHERE loan_id IN (\(marks)) ORDER BY loan_id, sequence
                """, chunk.map { .text($0) }) {
                let event = try EventRow.read(row)
                events[event.loanID, default: []].append(event)
            }
        }
        return events
    }

    public func histories(loanIDs: [String], checkpointFormat: Int) throws -> [String: LoanHistory] {
        var histories: [String: LoanHistory] = [:]
        for start in stride(from: 0, to: loanIDs.count, by: 400) {
            let chunk = loanIDs[start..<min(start + 400, loanIDs.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            var after: [String: Int64] = [:]
            for row in try connection.query("""
                SELECT loan_id, sequence, state FROM loan_checkpoint WHERE format = ? AND loan_id IN (\(marks))
                """, [.integer(Int64(checkpointFormat))] + chunk.map { .text($0) }) {
                let checkpoint = LoanCheckpointRow(sequence: row.int64(1), format: checkpointFormat, state: row.text(2))
                histories[row.text(0)] = LoanHistory(checkpoint: checkpoint, events: [])
                after[row.text(0)] = checkpoint.sequence
            }
            // The events after the sequences just read (not a join with the checkpoints, which a
            // writer may have moved on since).
            let pairs = Array(repeating: "(?, CAST(? AS BIGINT))", count: chunk.count).joined(separator: ", ")
            var values: [SQLValue?] = []
            values.reserveCapacity(chunk.count * 2)
            for id in chunk { values += [.text(id), .integer(after[id] ?? 0)] }
            for row in try connection.query("""
                WITH wanted (loan_id, after_sequence) AS (VALUES \(pairs))
                SELECT \(EventRow.columns(of: "e")) FROM wanted w JOIN loan_event e
                    ON e.loan_id = w.loan_id AND e.sequence > w.after_sequence
                ORDER BY e.loan_id, e.sequence
                """, values) {
                let event = try EventRow.read(row)
                histories[event.loanID, default: LoanHistory(checkpoint: nil, events: [])].events.append(event)
            }
        }
        return histories
    }

    public func inTransaction<T>(_ body: () throws -> T) throws -> T { try connection.transaction(body) }

    public func read(_ sql: String, _ values: [SQLValue?]) throws -> [SQLRow] { try connection.query(sql, values) }

    /// The loan's last event's sequence (0 for none): the last entry of the events' primary key.
    public func lastSequence(loanID: String) throws -> Int64 {
        // MAX of no rows is NULL, read as 0.
        try connection.query("SELECT MAX(sequence) FROM loan_event WHERE loan_id = ?", [.text(loanID)]).first?.int64(0) ?? 0
    }
}

/// The embedded default: the event store on a SQLite file.
public typealias SQLiteEventStore = SQLEventStore<SQLiteConnection>

extension SQLEventStore where Connection == SQLiteConnection {
    /// Opens (creating) the SQLite database at `path` and brings its schema up to date.
    public convenience init(path: String) throws {
        try self.init(connection: SQLiteConnection(path: path))
    }
}
