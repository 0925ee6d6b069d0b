extension SQLEventStore {
    /// `appendMany` sent without waiting, on PostgreSQL (libpq's pipeline mode): nothing is read
    /// back, and the events' primary key is the check — a loan another writer moved already has an
    /// event at its expected sequence + 1, so the insert fails and the transaction with it.
    /// Elsewhere, and inside an open transaction, the append runs at once and `finishAppendMany`
    /// only hands back its result.
    public func startAppendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws
        -> PendingAppend {
        guard let postgres = connection as? PostgresConnection, connection.transactionDepth == 0 else {
            return PendingAppend(written: try appendMany(batches, project: project), expected: [:], pipelined: false)
        }
        try checkBulk(batches)
        guard !batches.isEmpty else { return PendingAppend(written: [], expected: [:], pipelined: false) }
        try postgres.beginPipeline()
        do {
            let written = try writeBulk(batches, project: project)
            try postgres.sendPipeline()
            let expected = Dictionary(batches.map { ($0.loanID, $0.expectedSequence) }, uniquingKeysWith: { a, _ in a })
            return PendingAppend(written: written, expected: expected, pipelined: true)
        } catch {
            postgres.abandonPipeline()
            throw error
        }
    }

    /// Waits for a started bulk append and returns its events; throws what `appendMany` would
    /// (`LedgerError.concurrencyConflict` naming the loan whose event key was taken), nothing
    /// written then.
    public func finishAppendMany(_ pending: PendingAppend) throws -> [[LoanEvent]] {
        guard pending.pipelined, let postgres = connection as? PostgresConnection else { return pending.written }
        let outcome: Result<Void, PostgresError> = Result { () throws(PostgresError) in try postgres.awaitPipeline() }
        if case .failure(let error) = outcome {
            guard postgres.isUniqueViolation(error) else { throw error }
            let loan = Self.loanOfTakenKey(error.detail, among: pending.expected)
            throw LedgerError.concurrencyConflict(loanID: loan, expected: pending.expected[loan] ?? 0,
                                                  actual: try lastSequence(loanID: loan))
        }
        return pending.written
    }

    /// The loan in a unique violation's detail (`Key (loan_id, sequence)=(L1, 5) already exists.`),
    /// or the first of `loans` when the detail does not say.
    static func loanOfTakenKey(_ detail: String, among loans: [String: Int64]) -> String {
        if let open = detail.range(of: ")=("),
           let end = detail[open.upperBound...].firstIndex(where: { $0 == "," || $0 == ")" }) {
            let loan = String(detail[open.upperBound..<end])
            if loans[loan] != nil { return loan }
        }
        return loans.keys.min() ?? ""
    }
}
