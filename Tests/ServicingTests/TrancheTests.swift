import Foundation
import Ledger
import LedgerTestSupport
import LoanMath
import Testing

@testable import Servicing

@Suite("Disbursement in tranches (SQLite and PostgreSQL)")
struct TrancheTests {
    /// RBI's illustration loan as the first tranche of a ₹2,00,000 sanction; instalment 1 paid on 28 Feb
    /// leaves ₹92,115.12 (₹8,884.88 less the month's ₹1,000.00 interest). A second tranche of ₹50,000 on
    /// 15 Mar makes the balance ₹1,42,115.12, re-amortised over the 11 instalments left:
    /// 142,115.12 × 0.01 / (1 − 1.01⁻¹¹) = 13,707.5825 → ₹13,707.58.
    /// Instalment 2's period (28 Feb, 31 Mar] has 31 days: 14 ran on the old balance,
    /// ⌊92,115 paise × 14 / 31⌋ = ₹416.00; the other 17 on the new one, 1,421.15 × 17 / 31 = 779.3403 → ₹779.34.
    /// So instalment 2 carries ₹416.00 + ₹779.34 = ₹1,195.34 of interest and 13,707.58 − 1,421.15 = ₹12,286.43 of principal.
    func secondTranche(_ backend: Backend) throws -> (BookFixture, LoanBook.Outcome) {
        let f = try BookFixture(backend)
        var booking = try rbiBooking()
        booking.sanctionedAmount = rupees("200000")
        try f.book.activate(booking, idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-03-14"))
        let outcome = try f.book.disburseTranche("L-1", amount: rupees("50000"), on: date("2026-03-15"), reference: "T2",
                                                 idempotencyKey: "t2")
        return (f, outcome)
    }

    @Test("a second tranche re-amortises the rest over the same tenure, with hand-worked figures",
          arguments: Backend.available)
    func secondTrancheFigures(backend: Backend) throws {
        let (f, outcome) = try secondTranche(backend)
        let state = outcome.state
        #expect(state.principal == rupees("150000"))
        #expect(state.sanctioned == rupees("200000"))
        #expect(state.undisbursed == rupees("50000"))
        #expect(state.tranches == 2)
        #expect(state.principalOutstanding == rupees("142115.12"))
        let rows = state.installments
        #expect(rows.count == 12)
        #expect(rows[1].interest == rupees("1195.34"), "\(rows[1])")
        #expect(rows[1].principal == rupees("12286.43"))
        #expect(rows[2].principal + rows[2].interest == rupees("13707.58"))
        #expect(rows.last?.dueDate == date("2027-01-31"))
        try f.dayEnds("L-1", through: date("2026-03-31"))
        // Period 1's ₹1,000.00 and period 2's ₹1,195.34, accrued day by day, exactly.
        #expect(try f.book.state("L-1")?.interestRecognised == rupees("2195.34"))
        // The books: ₹1,00,000 + ₹50,000 paid out of the bank, ₹1,42,115.12 still lent.
        let bank = try f.sql("""
            SELECT SUM(g.credit) FROM gl_entry g JOIN loan_event e ON e.loan_id = g.loan_id AND e.sequence = g.sequence
            WHERE g.account = '1000' AND e.event_type = 'disburse'
            """)
        #expect(bank.first?.int64(0) == rupees("150000").minorUnits)
        try checkBooks(f)
    }

    @Test("a tranche beyond the sanction, on a loan paid out at once, or without a reference is refused",
          arguments: Backend.available)
    func refusals(backend: Backend) throws {
        let (f, first) = try secondTranche(backend)
        let sequence = try f.book.store.lastSequence(loanID: "L-1")
        let again = try f.book.disburseTranche("L-1", amount: rupees("50000"), on: date("2026-03-15"), reference: "T2",
                                               idempotencyKey: "t2")
        #expect(again.duplicate && again.events == first.events)
        let over = Result { () throws(ServicingError) in
            try f.book.disburseTranche("L-1", amount: rupees("50000.01"), on: date("2026-03-15"), reference: "T3",
                                       idempotencyKey: "t3")
        }
        let noReference = Result { () throws(ServicingError) in
            try f.book.disburseTranche("L-1", amount: rupees("100"), on: date("2026-03-15"), reference: "",
                                       idempotencyKey: "t4")
        }
        for (result, expected) in [(over, "amount"), (noReference, "reference")] {
            guard case .failure(.invalid(let field, _)) = result else {
                Issue.record("expected a refusal naming \(expected), got \(result)")
                continue
            }
            #expect(field == expected)
        }
        #expect(try f.book.store.lastSequence(loanID: "L-1") == sequence)

        try f.book.activate(try rbiBooking("L-2"), idempotencyKey: "book-2")
        let whole = Result { () throws(ServicingError) in
            try f.book.disburseTranche("L-2", amount: rupees("1"), on: date("2026-02-01"), reference: "T",
                                       idempotencyKey: "t")
        }
        guard case .failure(.invalid("amount", _)) = whole else {
            Issue.record("expected a refusal of a tranche on a loan with nothing left to disburse, got \(whole)")
            return
        }
    }

    @Test("a back-dated payment before a tranche re-simulates the tranche too; the books still agree",
          arguments: Backend.available)
    func backDatedAcrossTranche(backend: Backend) throws {
        let (f, _) = try secondTranche(backend)
        try f.dayEnds("L-1", through: date("2026-04-05"))
        try f.book.repay("L-1", amount: rupees("13481.77"), on: date("2026-03-31"), reference: "UTR2",
                         idempotencyKey: "p2")
        let state = try #require(try f.book.state("L-1"))
        // Instalment 2 (₹12,286.43 + ₹1,195.34 = ₹13,481.77) is paid in full, back-dated to its due date.
        #expect(state.installments[1].principalUnpaid == rupees("0"))
        #expect(state.principalOutstanding == rupees("129828.69"))
        #expect(state.principal == rupees("150000"))
        try checkBooks(f)
    }

    func checkBooks(_ f: BookFixture) throws {
        let state = try #require(try f.book.state("L-1"))
        let principal = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '1100'")
            .first?.int64(0)
        #expect(principal == state.principalOutstanding.minorUnits)
        #expect(state.principalOutstanding == state.principal - state.principalRepaid - state.principalWrittenOff)
        #expect(try LoanState.replay(try f.book.store.events(loanID: "L-1", after: 0)) == state)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }
}
