extension SQLEventStore {
    /// Appends the batches of many loans in one transaction with multi-row statements: the bulk
    /// path of the day end. Every batch's loan must be at its expected sequence (the streams are
    /// locked first on PostgreSQL; SQLite's write transaction is exclusive already), or nothing is
    /// written and `LedgerError.concurrencyConflict` names the first loan that moved. Batches here
    /// record no command (`recordsCommand` false): a day end is recognised by its date. At most one
    /// batch a loan.
    public func appendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> [[LoanEvent]] {
        var loans = Set<String>()
        for batch in batches {
            try EventBatchRules.check(batch)
            guard !batch.recordsCommand else { throw LedgerError.invalidBatch("a bulk append records no commands") }
            guard loans.insert(batch.loanID).inserted else {
                throw LedgerError.invalidBatch("loan \(batch.loanID) has two batches in one bulk append")
            }
        }
        guard !batches.isEmpty else { return [] }
        return try connection.transaction { () throws -> [[LoanEvent]] in
            let last = try lockedSequences(of: batches.map(\.loanID))
            for batch in batches where (last[batch.loanID] ?? 0) != batch.expectedSequence {
                throw LedgerError.concurrencyConflict(loanID: batch.loanID, expected: batch.expectedSequence,
                                                      actual: last[batch.loanID] ?? 0)
            }
            let written = batches.map { $0.numberedEvents(after: $0.expectedSequence) }
            let buffer = BufferedProjectionContext(connection: connection)
            for (batch, events) in zip(batches, written) {
                for event in events {
                    try buffer.execute("""
                        INSERT INTO loan_event (loan_id, sequence, event_type, value_date, recorded_at, idempotency_key,
                                                catalog_version, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, EventRow.values(event))
                }
                try buffer.execute("""
                    INSERT INTO loan_stream (loan_id, last_sequence) VALUES (?, ?)
                    ON CONFLICT (loan_id) DO UPDATE SET last_sequence = excluded.last_sequence
                    """, [.text(batch.loanID), .integer(batch.expectedSequence + Int64(events.count))])
            }
            try project(buffer)
            try buffer.flush()
            return written
        }
    }

    /// The last sequence of each loan, its stream row locked against other writers until commit.
    func lockedSequences(of loanIDs: [String]) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for start in stride(from: 0, to: loanIDs.count, by: 500) {
            let chunk = loanIDs[start..<min(start + 500, loanIDs.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try connection.query("""
                SELECT loan_id, last_sequence FROM loan_stream WHERE loan_id IN (\(marks))\(connection.lockRowsClause)
                """, chunk.map { .text($0) })
            for row in rows { result[row.text(0)] = row.int64(1) }
        }
        return result
    }
}
