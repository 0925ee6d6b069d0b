import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

@Suite("Loan statement for a period")
struct StatementTests {
    @Test("1 Mar – 6 Apr: instalment 2 due, three penal charges, the late payment; positions at both ends")
    func latePaymentStatement() throws {
        let f = try BookFixture(.sqlite)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-04-05"))
        try f.book.repay("L-1", amount: rupees("8902.40"), on: date("2026-04-06"), reference: "UTR2", idempotencyKey: "p2")
        try f.dayEnds("L-1", through: date("2026-04-06"))
        let s = try f.book.statement("L-1", from: date("2026-03-01"), to: date("2026-04-06"))
        #expect(s.lines.map { "\($0.date.iso) \($0.debit.decimalString) \($0.credit.decimalString)" } == [
            "2026-03-31 8884.88 0.00", "2026-04-03 5.84 0.00", "2026-04-04 5.84 0.00", "2026-04-05 5.84 0.00",
            "2026-04-06 0.00 8902.40",
        ])
        #expect(s.opening.principalOutstanding == rupees("92115.12") && s.opening.arrears == rupees("0"))
        // After instalment 2's principal ₹7,963.73: 92,115.12 − 7,963.73.
        #expect(s.closing.principalOutstanding == rupees("84151.39") && s.closing.arrears == rupees("0"))
        #expect(s.closing.assetClass == .standard && s.totalPaid == rupees("8902.40"))
        let bad = Result { () throws(ServicingError) in try f.book.statement("L-1", from: date("2026-05-01"), to: date("2026-04-01")) }
        guard case .failure(.invalid(let field, _)) = bad else {
            Issue.record("expected a refusal, got \(bad)")
            return
        }
        #expect(field == "from")
    }
}
