import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

@Suite("Charges posted by staff and waivers (SQLite and PostgreSQL)")
struct ChargeWaiverTests {
    /// GL balance (debits less credits, paise) of one account.
    func balance(_ f: BookFixture, _ account: String) throws -> Int64 {
        try f.sql("SELECT COALESCE(SUM(debit) - SUM(credit), 0) FROM gl_entry WHERE account = '\(account)'").first?.int64(0) ?? -1
    }

    func refusedField(_ body: () throws(ServicingError) -> LoanBook.Outcome) -> String? {
        guard case .failure(.invalid(let field, _)) = Result(catching: body) else { return nil }
        return field
    }

    @Test("a ₹1,000 charge with ₹180 GST, waived ₹100 then ₹1,080: GST reversed in proportion, to the paisa",
          arguments: Backend.available)
    func chargeAndWaivers(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-09"))
        let charged = try f.book.postCharge("L-1", kind: .other, amount: rupees("1000"), gst: rupees("180"),
                                            on: date("2026-02-10"), reason: "legal notice", idempotencyKey: "c1")
        #expect(charged.state.arrears(on: date("2026-02-10")) == rupees("1180"))
        #expect(try balance(f, "1210") == 118_000 && balance(f, "4200") == -100_000 && balance(f, "2100") == -18_000)
        // ₹100 of ₹1,180: GST 100 × 180 / 1,180 = 15.254… → ₹15.25, income ₹84.75.
        let first = try f.book.waive("L-1", amount: rupees("100"), kind: .other, on: date("2026-02-10"),
                                     reason: "goodwill", approvedBy: ["checker-1"], idempotencyKey: "w1")
        #expect(first.state.charges[0].unpaid == rupees("1080"))
        #expect(try balance(f, "4200") == -100_000 + 8_475 && balance(f, "2100") == -18_000 + 1_525)
        // The rest, ₹1,080: GST 180.00 − 15.25 = ₹164.75, so the whole ₹180 is reversed; income ₹915.25.
        let second = try f.book.waive("L-1", amount: rupees("1080"), on: date("2026-02-10"), reason: "goodwill",
                                      approvedBy: ["checker-1"], idempotencyKey: "w2")
        #expect(second.state.charges[0].unpaid.isZero && second.state.arrears(on: date("2026-02-10")).isZero)
        for account in ["1210", "4200", "2100"] { #expect(try balance(f, account) == 0, "\(account)") }
        #expect(refusedField { () throws(ServicingError) in
            try f.book.waive("L-1", amount: rupees("0.01"), on: date("2026-02-10"), reason: "x", approvedBy: [],
                             idempotencyKey: "w3")
        } == "amount")
        #expect(refusedField { () throws(ServicingError) in
            try f.book.postCharge("L-1", kind: .penal, amount: rupees("5"), gst: rupees("0"), on: date("2026-02-10"),
                                  reason: "by hand", idempotencyKey: "c2")
        } == "kind")
        #expect(refusedField { () throws(ServicingError) in
            try f.book.postCharge("L-1", kind: .other, amount: rupees("5"), gst: rupees("0"), installment: 13,
                                  on: date("2026-02-10"), reason: "x", idempotencyKey: "c3")
        } == "installment")
        #expect(try f.sql("SELECT COUNT(*) FROM loan_event WHERE event_type = 'waiver'").first?.int64(0) == 2)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }

    @Test("₹20 of ₹40.88 penal waived: oldest charges first, never levied again; the rest paid by the waterfall",
          arguments: Backend.available)
    func penalWaiver(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-04-09"))
        // Instalment 2 (31 Mar) unpaid: ₹5.84 a day (8,884.88 × 24% / 365) from DPD 4, 3–9 Apr: 7 × 5.84 = 40.88.
        let penal = { (s: LoanState) in s.charges.filter { $0.kind == .penal }.reduce(rupees("0")) { $0 + $1.unpaid } }
        #expect(penal(try #require(try f.book.state("L-1"))) == rupees("40.88"))
        let waived = try f.book.waive("L-1", amount: rupees("20"), kind: .penal, installment: 2, on: date("2026-04-10"),
                                      reason: "first delay", approvedBy: ["cm-1"], idempotencyKey: "w1")
        // 5.84 + 5.84 + 5.84 of 3–5 Apr, and 2.48 of 6 Apr's.
        #expect(waived.state.charges.map(\.waived) == ["5.84", "5.84", "5.84", "2.48", "0", "0", "0"].map(rupees))
        #expect(penal(waived.state) == rupees("20.88"))
        #expect(try balance(f, "4100") == -4_088 + 2_000)
        try f.dayEnds("L-1", through: date("2026-04-10"))
        // One more day's ₹5.84; what was waived is not charged again.
        #expect(penal(try #require(try f.book.state("L-1"))) == rupees("26.72"))
        let paid = try f.book.repay("L-1", amount: rupees("8911.60"), on: date("2026-04-11"), reference: "UTR2",
                                    idempotencyKey: "p2")
        #expect(penal(paid.state).isZero && paid.state.arrears(on: date("2026-04-11")).isZero)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }
}
