import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

@Suite("Back-dated payments and reversals restate the loan (SQLite and PostgreSQL)")
struct CorrectionTests {
    @Test("a payment value-dated on the due date but posted ten days later undoes the penal charges and SMA-0",
          arguments: Backend.available)
    func backDatedPayment(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-04-09"))
        let before = try #require(try f.book.state("L-1"))
        // Penal charges at the day ends of 3–9 Apr: 7 × ₹5.84; SMA-0 since 31 Mar.
        #expect(before.charges.count == 7 && before.classification.assetClass == .sma0)
        let penalBefore = try penalIncome(f)
        #expect(penalBefore == 7 * 584)

        // The borrower paid on 31 Mar; the bank's file reaches the lender on 10 Apr.
        let outcome = try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-03-31"), reference: "UTR2",
                                       idempotencyKey: "p2")
        #expect(outcome.events.map(\.type) == [.repayment, .restatement])
        let after = outcome.state
        #expect(after.charges.isEmpty)
        #expect(after.classification == .standard && after.daysPastDue == 0)
        #expect(after.installments[1].isSettled)
        #expect(after.lastDayEnd == date("2026-04-09"))
        // Penal income reversed through the restatement; the books still balance.
        #expect(try penalIncome(f) == 0)
        #expect(try f.sql("SELECT loan_id FROM gl_entry GROUP BY loan_id, sequence HAVING SUM(debit) <> SUM(credit)").isEmpty)
        let bank = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '1000'").first?.int64(0)
        #expect(bank == -10_000_000 + 2 * 888_488)  // disbursed out, two EMIs in
        // History is not edited: the earlier events are all still there, and replay gives the same loan.
        let events = try f.book.store.events(loanID: "L-1", after: 0)
        #expect(events.filter { $0.type == .charge }.count == 7)
        #expect(try LoanState.replay(events) == after)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
        // The day ends go on from the restated loan.
        try f.dayEnds("L-1", through: date("2026-04-12"))
        #expect(try f.book.state("L-1")?.charges.isEmpty == true)
    }

    @Test("a reversed payment makes its instalment overdue again from the due date, with the penal charges since",
          arguments: Backend.available)
    func reversal(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "CHQ-11", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-03-06"))
        #expect(try f.book.state("L-1")?.installments[0].isSettled == true)
        // The cheque comes back unpaid on 7 Mar.
        let outcome = try f.book.reverse("L-1", reference: "CHQ-11", reason: "cheque returned: funds insufficient",
                                         idempotencyKey: "rev-1")
        let s = outcome.state
        #expect(!s.installments[0].isSettled)
        // DPD at the end of 6 Mar counting 28 Feb as day 1: 7. Penal for DPD 4–7 (3–6 Mar): 4 × ₹5.84.
        #expect(s.daysPastDue == 7 && s.classification.assetClass == .sma0)
        #expect(s.charges.map(\.amount.minorUnits) == [584, 584, 584, 584])
        #expect(try penalIncome(f) == 4 * 584)
        let bank = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '1000'").first?.int64(0)
        #expect(bank == -10_000_000)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
        // Reversing it again is refused: it no longer stands.
        let again = Result { () throws(ServicingError) in
            try f.book.reverse("L-1", reference: "CHQ-11", reason: "again", idempotencyKey: "rev-2")
        }
        guard case .failure(.invalid(let field, _)) = again else {
            Issue.record("expected a refusal, got \(again)")
            return
        }
        #expect(field == "reference")
    }

    func penalIncome(_ f: BookFixture) throws -> Int64 {
        try f.sql("SELECT SUM(credit) - SUM(debit) FROM gl_entry WHERE account = '4100'").first?.int64(0) ?? 0
    }
}
