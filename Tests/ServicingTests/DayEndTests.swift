import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

@Suite("Day end: accrual, DPD, IRACP classification, provisioning (SQLite and PostgreSQL)")
struct DayEndTests {
    @Test("RBI's day-end example through the real day end: SMA-1 on 30 Apr, SMA-2 on 30 May, NPA on 29 Jun",
          arguments: Backend.available)
    func rbiExample(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book-L-1")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        // Instalment 1 paid on its due date; instalment 2 (due 31 Mar) never paid.
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-07-10"))
        let history = try f.sql("SELECT value_date, asset_class, dpd FROM classification WHERE loan_id = 'L-1' ORDER BY sequence")
            .map { "\($0.text(0)) \($0.text(1)) \($0.int64(2))" }
        #expect(history == [
            "2026-03-31 sma-0 1", "2026-04-30 sma-1 31", "2026-05-30 sma-2 61", "2026-06-29 substandard 91",
        ])
        let state = try #require(try f.book.state("L-1"))
        #expect(state.classification.npaSince == date("2026-06-29"))
        // 10 Jul is 102 days after 31 Mar, counting 31 Mar as day 1.
        #expect(state.daysPastDue == 102)
    }

    @Test("daily accruals sum to each period's interest to the paisa; NPA interest is suspended",
          arguments: Backend.available)
    func accrualSums(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-03-31"))
        let state = try #require(try f.book.state("L-1"))
        // Period 1 (28 days) ₹1,000.00 = 1% of 1,00,000; period 2 (31 days) 1% of 1,00,000 − 7,884.88 = ₹921.15.
        #expect(state.interestRecognised == rupees("1921.15"))
        let first = try #require(state.installments.first)
        #expect(first.interest == rupees("1000.00") && first.principal == rupees("7884.88"))
    }

    @Test("re-running a day end writes nothing; skipping a day is refused", arguments: Backend.available)
    func idempotentAndNoSkips(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-10"))
        let before = try f.book.store.lastSequence(loanID: "L-1")
        let again = try f.book.dayEnd("L-1", on: date("2026-02-05"))
        #expect(again.duplicate)
        #expect(try f.book.store.lastSequence(loanID: "L-1") == before)
        let skip = Result { () throws(ServicingError) in try f.book.dayEnd("L-1", on: date("2026-02-13")) }
        guard case .failure(.dayEndOutOfOrder(_, let expected, _)) = skip else {
            Issue.record("expected a refusal, got \(skip)")
            return
        }
        #expect(expected == date("2026-02-11"))
        #expect(try f.book.store.lastSequence(loanID: "L-1") == before)
    }

    @Test("an NPA is upgraded only when every arrear is paid", arguments: Backend.available)
    func upgradeOnFullClearance(backend: Backend) throws {
        let f = try BookFixture(backend, rules: ServicingRules())
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-07-01"))
        #expect(try f.book.state("L-1")?.classification.assetClass == .substandard)
        // Instalments 1–5 (28 Feb … 30 Jun) are in arrears: 5 × 8,884.88 = 44,424.40. Pay all but ₹1.
        try f.book.repay("L-1", amount: rupees("44423.40"), on: date("2026-07-02"), reference: "R1", idempotencyKey: "r1")
        try f.dayEnds("L-1", through: date("2026-07-02"))
        let partly = try #require(try f.book.state("L-1"))
        #expect(partly.classification.assetClass == .substandard)
        #expect(partly.daysPastDue == 3)  // only instalment 5 (30 Jun) is unpaid, by ₹1: 30 Jun, 1 and 2 Jul
        try f.book.repay("L-1", amount: rupees("1"), on: date("2026-07-03"), reference: "R2", idempotencyKey: "r2")
        try f.dayEnds("L-1", through: date("2026-07-03"))
        let cleared = try #require(try f.book.state("L-1"))
        #expect(cleared.classification == .standard)
        // Interest accrued while NPA (29 Jun – 2 Jul) was suspended, not income.
        #expect(cleared.interestSuspended > rupees("0"))
        // NBFC provision on the unsecured loan: 10% while sub-standard, back to 0.40% after upgrade.
        // Principal left after instalments 1–5 (principal 7,884.88 + 7,963.73 + 8,043.37 + 8,123.80 +
        // 8,205.04 = 40,220.82): 59,779.18; 0.40% of it is 239.11672 → ₹239.12.
        #expect(cleared.principalOutstanding == rupees("59779.18"))
        #expect(cleared.provision == rupees("239.12"))
    }
}

@Suite("Accrual payload")
struct AccrualPayloadTests {
    @Test("the hand-built JSON is what the general encoder writes, and reads back")
    func sameAsEncoder() throws {
        for payload in [AccrualPayload(amount: 14_112, installment: 3, suspended: false, dpd: 0),
                        AccrualPayload(amount: 0, installment: 0, suspended: true, dpd: 402),
                        AccrualPayload(amount: -1_000_000, installment: 10, suspended: false, dpd: 90),
                        AccrualPayload(amount: .max, installment: 1, suspended: false, dpd: 1),
                        AccrualPayload(amount: .min, installment: 1, suspended: false, dpd: 1)] {
            #expect(payload.json == ServicingPayload.encode(payload))
            #expect(AccrualPayload(json: payload.json) == payload)
        }
        #expect(AccrualPayload(json: #"{"amount":1}"#) == nil)
    }
}
