import Ledger
import LoanMath

/// Writes the read models of a loan (account, schedule lines, classification history, GL, and now
/// and then a checkpoint of its state) inside the append that recorded its events, so they never
/// disagree with the events.
enum LoanProjections {
    /// Writes what `events` changed; `before` is the loan before them (nil for a new loan), so only
    /// the instalments that changed are written. `checkpoints` false leaves out the checkpoint
    /// (a rebuild to compare, which compares checkpoints otherwise).
    static func write(_ state: LoanState, before: LoanState?, events: [LoanEvent], chart: [GLAccount: String],
                      into context: ProjectionContext, checkpoints: Bool = true) throws {
        try upsertAccount(state, into: context)
        if before?.installments != state.installments {
            // A re-amortisation may leave fewer instalments than before.
            if (before?.installments.count ?? 0) > state.installments.count {
                try context.execute("DELETE FROM schedule_line WHERE loan_id = ? AND installment > ?",
                                    [.text(state.loanID), .integer(Int64(state.installments.map(\.number).max() ?? 0))])
            }
            let earlier = Dictionary((before?.installments ?? []).map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
            for row in state.installments where earlier[row.number] != row {
                try context.execute("""
                    INSERT INTO schedule_line (loan_id, installment, due_date, principal, interest, principal_paid, interest_paid)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (loan_id, installment) DO UPDATE SET due_date = excluded.due_date,
                        principal = excluded.principal, interest = excluded.interest,
                        principal_paid = excluded.principal_paid, interest_paid = excluded.interest_paid
                    """, [.text(state.loanID), .integer(Int64(row.number)), .text(row.dueDate.iso),
                          .integer(row.principal.minorUnits), .integer(row.interest.minorUnits),
                          .integer(row.principalPaid.minorUnits), .integer(row.interestPaid.minorUnits)])
            }
        }
        for event in events {
            if event.type == .classificationChange || event.type == .restatement {
                try context.execute("""
                    INSERT INTO classification (loan_id, sequence, value_date, asset_class, dpd) VALUES (?, ?, ?, ?, ?)
                    """, [.text(state.loanID), .integer(event.sequence), .text(event.valueDate.iso),
                          .text(state.classification.assetClass.rawValue), .integer(Int64(state.daysPastDue))])
            }
            for (index, line) in try GLPostings.lines(for: event, currency: state.currency).enumerated() {
                try context.execute("""
                    INSERT INTO gl_entry (loan_id, sequence, line, value_date, account, debit, credit)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.text(state.loanID), .integer(event.sequence), .integer(Int64(index + 1)),
                          .text(event.valueDate.iso), .text(chart[line.account] ?? line.account.rawValue),
                          .integer(line.debit.minorUnits),
                          .integer(line.credit.minorUnits)])
            }
        }
        if checkpoints && LoanCheckpoint.due(before: before, after: state) {
            try context.execute(LoanCheckpointRow.upsert, LoanCheckpoint.row(state).values(loanID: state.loanID))
        }
    }

    static func upsertAccount(_ s: LoanState, into context: ProjectionContext) throws {
        let last = s.lastDayEnd ?? s.disbursementDate.adding(days: -1)
        try context.execute("""
            INSERT INTO loan_account (loan_id, product, catalog_version, status, currency, principal, principal_outstanding,
                interest_recognised, interest_suspended, arrears, advance, dpd, asset_class, npa_since, provision,
                next_day_end, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (loan_id) DO UPDATE SET status = excluded.status,
                principal_outstanding = excluded.principal_outstanding, interest_recognised = excluded.interest_recognised,
                interest_suspended = excluded.interest_suspended, arrears = excluded.arrears, advance = excluded.advance,
                dpd = excluded.dpd, asset_class = excluded.asset_class, npa_since = excluded.npa_since,
                provision = excluded.provision, next_day_end = excluded.next_day_end, last_sequence = excluded.last_sequence
            """, [
                .text(s.loanID), .text(s.product), .text(s.catalogVersion), .text(s.status.rawValue), .text(s.currency.code),
                .integer(s.principal.minorUnits), .integer(s.principalOutstanding.minorUnits),
                .integer(s.interestRecognised.minorUnits), .integer(s.interestSuspended.minorUnits),
                .integer(s.arrears(on: last).minorUnits), .integer(s.advance.minorUnits), .integer(Int64(s.daysPastDue)),
                .text(s.classification.assetClass.rawValue), s.classification.npaSince.map { .text($0.iso) },
                .integer(s.provision.minorUnits), .text(s.nextDayEnd.iso), .integer(s.sequence),
            ])
    }
}
