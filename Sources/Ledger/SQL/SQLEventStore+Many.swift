extension SQLEventStore {
    /// Appends the batches of many loans in one transaction with multi-row statements: the bulk
    /// path of the day end. Every batch's loan must be at its expected sequence (checked and moved in
    /// the same statement, `claimStreams`), or nothing is
    /// written and `LedgerError.concurrencyConflict` names the first loan that moved. Batches here
    /// record no command (`recordsCommand` false): a day end is recognised by its date. At most one
    /// batch a loan.
    public func appendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> [[LoanEvent]] {
        try checkBulk(batches)
        guard !batches.isEmpty else { return [] }
        return try connection.transaction { () throws -> [[LoanEvent]] in
            try claimStreams(batches)
            let written = batches.map { $0.numberedEvents(after: $0.expectedSequence) }
            let buffer = BufferedProjectionContext(connection: connection)
            for events in written {
                for event in events {
                    try buffer.execute("""
                        INSERT INTO loan_event (loan_id, sequence, event_type, value_date, recorded_at, idempotency_key,
                                                catalog_version, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, EventRow.values(event))
                }
            }
            try project(buffer)
            try buffer.flush()
            return written
        }
    }

    /// The rules of a bulk append: batches recording no command, at most one a loan.
    func checkBulk(_ batches: [EventBatch]) throws {
        var loans = Set<String>()
        for batch in batches {
            try EventBatchRules.check(batch)
            guard !batch.recordsCommand else { throw LedgerError.invalidBatch("a bulk append records no commands") }
            guard loans.insert(batch.loanID).inserted else {
                throw LedgerError.invalidBatch("loan \(batch.loanID) has two batches in one bulk append")
            }
        }
    }

    /// Moves every batch's stream from its expected sequence to its new last one, or throws
    /// `LedgerError.concurrencyConflict` for the first loan found elsewhere. The streams of batches
    /// with the same number of events move together, `last_sequence + n` by key (`IN` uses the
    /// primary key whatever the table's size), and the statement returns where each stream ended:
    /// one that did not end at its expected sequence + n had moved (on PostgreSQL the update waits
    /// for that writer and applies to its result), and the transaction is abandoned. The rows stay
    /// locked until commit. A loan with no events yet (expected sequence 0) gets its stream inserted
    /// instead; a second writer's insert fails on the key.
    func claimStreams(_ batches: [EventBatch]) throws {
        for batch in batches where batch.expectedSequence == 0 {
            do {
                try connection.query("INSERT INTO loan_stream (loan_id, last_sequence) VALUES (?, ?)",
                                     [.text(batch.loanID), .integer(Int64(batch.events.count))])
            } catch where connection.isUniqueViolation(error) {
                throw LedgerError.concurrencyConflict(loanID: batch.loanID, expected: 0,
                                                      actual: try lastSequence(loanID: batch.loanID))
            }
        }
        for (count, chunk) in Self.streamMoves(batches) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try connection.query("""
                UPDATE loan_stream SET last_sequence = last_sequence + ? WHERE loan_id IN (\(marks))
                RETURNING loan_id, last_sequence
                """, [.integer(Int64(count))] + chunk.map { .text($0.loanID) })
            let ended = Dictionary(rows.map { ($0.text(0), $0.int64(1)) }, uniquingKeysWith: { a, _ in a })
            for batch in chunk where ended[batch.loanID] != batch.expectedSequence + Int64(count) {
                throw LedgerError.concurrencyConflict(
                    loanID: batch.loanID, expected: batch.expectedSequence,
                    actual: ended[batch.loanID].map { $0 - Int64(count) } ?? 0)
            }
        }
    }

    /// The streams a bulk append moves (expected sequence above 0), grouped by how many events
    /// they take and chunked for `IN` lists of at most 500 keys.
    static func streamMoves(_ batches: [EventBatch]) -> [(count: Int, chunk: ArraySlice<EventBatch>)] {
        var byCount: [Int: [EventBatch]] = [:]
        for batch in batches where batch.expectedSequence != 0 { byCount[batch.events.count, default: []].append(batch) }
        return byCount.sorted { $0.key < $1.key }.flatMap { count, group in
            stride(from: 0, to: group.count, by: 500).map { (count, group[$0..<min($0 + 500, group.count)]) }
        }
    }
}
