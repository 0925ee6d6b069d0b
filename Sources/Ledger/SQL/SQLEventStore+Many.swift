extension SQLEventStore {
    /// Appends the batches of many loans in one transaction with multi-row statements: the bulk
    /// path of the day end. Every batch's loan must be at its expected sequence (`checkStreams`),
    /// or nothing is written and `LedgerError.concurrencyConflict` names the first loan that moved.
    /// Batches here record no command (`recordsCommand` false): a day end is recognised by its
    /// date. At most one batch a loan.
    public func appendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> [[LoanEvent]] {
        try checkBulk(batches)
        guard !batches.isEmpty else { return [] }
        let expected = Dictionary(batches.map { ($0.loanID, $0.expectedSequence) }, uniquingKeysWith: { a, _ in a })
        do {
            return try bulkTransaction(batches, project: project)
        } catch where connection.isUniqueViolation(error) {
            // A writer that committed after the check: its event holds the key.
            let loan = Self.loanOfTakenKey((error as? PostgresError)?.detail ?? "", among: expected)
            throw LedgerError.concurrencyConflict(loanID: loan, expected: expected[loan] ?? 0,
                                                  actual: try lastSequence(loanID: loan))
        }
    }

    private func bulkTransaction(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws
        -> [[LoanEvent]] {
        try connection.transaction { () throws -> [[LoanEvent]] in
            try checkStreams(batches)
            return try writeBulk(batches, project: project)
        }
    }

    /// The statements of a bulk append after its check: every batch's events numbered after its
    /// expected sequence and the projections, gathered into multi-row statements.
    func writeBulk(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> [[LoanEvent]] {
        let written = batches.map { $0.numberedEvents(after: $0.expectedSequence) }
        let buffer = BufferedProjectionContext(connection: connection)
        for event in written.joined() { try buffer.execute(EventRow.insert, EventRow.values(event)) }
        try project(buffer)
        try buffer.flush()
        return written
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

    /// Checks that every batch's loan is at its expected sequence, or throws
    /// `LedgerError.concurrencyConflict` for the first loan found elsewhere: one read of the
    /// events' last sequences a chunk of loans. A writer that commits after this read meets the
    /// events' primary key instead (`appendMany` turns that into the same conflict).
    func checkStreams(_ batches: [EventBatch]) throws {
        for chunk in stride(from: 0, to: batches.count, by: 500).map({ batches[$0..<min($0 + 500, batches.count)] }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try connection.query("""
                SELECT loan_id, MAX(sequence) FROM loan_event WHERE loan_id IN (\(marks)) GROUP BY loan_id
                """, chunk.map { .text($0.loanID) })
            let last = Dictionary(rows.map { ($0.text(0), $0.int64(1)) }, uniquingKeysWith: { a, _ in a })
            for batch in chunk where (last[batch.loanID] ?? 0) != batch.expectedSequence {
                throw LedgerError.concurrencyConflict(loanID: batch.loanID, expected: batch.expectedSequence,
                                                      actual: last[batch.loanID] ?? 0)
            }
        }
    }
}
