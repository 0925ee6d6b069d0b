import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

@Suite("Restructure, write-off and recovery, settlement (SQLite and PostgreSQL)")
struct RestructureTests {
    /// Instalment 1 paid; instalment 2 (31 Mar) not; day ends through 9 Apr.
    func overdueLoan(_ backend: Backend) throws -> BookFixture {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-04-09"))
        return f
    }

    @Test("restructured on 10 Apr at 10% over 18 months: interest capitalised, downgraded, 12 months' observation",
          arguments: Backend.available)
    func restructure(backend: Backend) throws {
        let f = try overdueLoan(backend)
        let outcome = try f.book.restructure("L-1", on: date("2026-04-10"), annualRate: Rate(parsing: "10%")!,
                                             installments: 18, reason: "income loss, borrower's request",
                                             idempotencyKey: "rs1")
        let s = outcome.state
        // Capitalised: instalment 2's interest ₹921.15 and 9 days of instalment 3's ₹841.51 over 30 days,
        // ⌊84,151 × 9 / 30⌋ paise = ₹252.45. Principal 92,115.12 + 1,173.60 = ₹93,288.72.
        #expect(s.principalOutstanding == rupees("93288.72"))
        let new = s.installments.filter { $0.number > 12 }
        #expect(new.count == 18 && new.first?.dueDate == date("2026-05-10"))
        // EMI 93,288.72 × (10%/12) / (1 − (1 + 10%/12)⁻¹⁸) = 5,602.648 → ₹5,602.65.
        #expect(new[1].principal + new[1].interest == rupees("5602.65"))
        #expect(s.classification.assetClass == .substandard && s.classification.npaSince == date("2026-04-10"))
        #expect(s.charges.count == 7)  // the penal charges stay separate dues, never capitalised
        // Every new instalment paid on its due date; still NPA through the observation period.
        try f.book.repay("L-1", amount: rupees("40.88"), on: date("2026-04-10"), reference: "PEN", idempotencyKey: "pen")
        for row in new.prefix(12) {
            try f.dayEnds("L-1", through: row.dueDate.adding(days: -1))
            let due = try #require(try f.book.state("L-1")).arrears(on: row.dueDate)
            try f.book.repay("L-1", amount: due, on: row.dueDate, reference: "R\(row.number)", idempotencyKey: "r\(row.number)")
        }
        try f.dayEnds("L-1", through: date("2027-04-09"))
        let observed = try #require(try f.book.state("L-1"))
        #expect(observed.daysPastDue == 0)
        #expect(observed.classification.assetClass == .substandard)
        try f.dayEnds("L-1", through: date("2027-04-10"))
        #expect(try f.book.state("L-1")?.classification == .standard)
        let capital = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '1100'").first
        #expect(capital?.int64(0) == (try f.book.state("L-1"))?.principalOutstanding.minorUnits)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }

    @Test("written off, then ₹5,000 recovered: receivables cleared, recovery is income", arguments: Backend.available)
    func writeOffAndRecovery(backend: Backend) throws {
        let f = try overdueLoan(backend)
        try f.dayEnds("L-1", through: date("2026-10-31"))
        let before = try #require(try f.book.state("L-1"))
        #expect(before.classification.assetClass == .substandard)
        let written = try f.book.writeOff("L-1", on: date("2026-11-01"), reason: "no recovery prospects",
                                          idempotencyKey: "wo1")
        #expect(written.state.status == .writtenOff)
        #expect(written.state.principalWrittenOff == rupees("92115.12"))  // 1,00,000 − 7,884.88
        #expect(written.state.principalOutstanding == rupees("0"))
        for account in ["1100", "1200", "1210",
                        "1900", "2500"] {
            let balance = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '\(account)'").first?.int64(0)
            #expect(balance == 0, "\(account)")
        }
        // Worked by hand. Interest of instalments 1–5 on the balances left by EMIs of ₹8,884.88 at 1% a
        // month: 1,000.00, 921.15, 841.51, 761.08, 679.84. Recognised as income until the loan became NPA
        // on 29 Jun: periods 1–4 whole and 28 of period 5's 30 days, ⌊67,984 × 28 / 30⌋ paise = 634.51;
        // 4,158.25 in all, of which instalment 1's 1,000.00 was paid.
        #expect(before.interestRecognised == rupees("4158.25"))
        // Penal charges at ₹5.84 a day (8,884.88 × 24% / 365) from DPD 4, capped at 6% of the EMI
        // (₹533.09): instalments due 31 Mar – 30 Jun reach the cap; 31 Jul: 90 days (DPD 4–93),
        // 31 Aug: 59 days, 30 Sep: 29 days. 4 × 533.09 + 178 × 5.84 = 3,171.88.
        #expect(before.charges.reduce(rupees("0")) { $0 + $1.unpaid } == rupees("3171.88"))
        // NBFC sub-standard provision 10% of 92,115.12 = 9,211.512 → 9,211.52 (never short).
        #expect(before.provision == rupees("9211.52"))
        // Expense = principal + recognised interest unpaid + charges − provision held
        //         = 92,115.12 + 3,158.25 + 3,171.88 − 9,211.52 = 89,233.73 (suspended interest was never income).
        let expense = try f.sql("SELECT SUM(debit) FROM gl_entry WHERE account = '5200'").first?.int64(0)
        #expect(expense == 8_923_373)
        let recovered = try f.book.recover("L-1", amount: rupees("5000"), on: date("2026-12-15"), reference: "RCV1",
                                           idempotencyKey: "rc1")
        #expect(recovered.state.recovered == rupees("5000") && recovered.state.status == .writtenOff)
        let income = try f.sql("SELECT SUM(credit) FROM gl_entry WHERE account = '4300'").first?.int64(0)
        #expect(income == 500_000)
        #expect(try f.book.runDayEnd(through: date("2026-12-31")).loans == 0)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
        #expect(try f.sql("SELECT loan_id FROM gl_entry GROUP BY loan_id, sequence HAVING SUM(debit) <> SUM(credit)").isEmpty)
    }

    @Test("one-time settlement for ₹60,000: the rest waived, the loan settled", arguments: Backend.available)
    func settlement(backend: Backend) throws {
        let f = try overdueLoan(backend)
        let settled = try f.book.settle("L-1", amount: rupees("60000"), on: date("2026-04-10"), reference: "OTS-1",
                                        idempotencyKey: "ots")
        #expect(settled.state.status == .settled && settled.state.principalOutstanding == rupees("0"))
        let bank = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '1000'").first?.int64(0)
        #expect(bank == -10_000_000 + 888_488 + 6_000_000)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
        let tooMuch = Result { () throws(ServicingError) in
            try f.book.settle("L-1", amount: rupees("1"), on: date("2026-04-10"), reference: "OTS-2", idempotencyKey: "ots2")
        }
        guard case .failure(.notActive) = tooMuch else {
            Issue.record("expected a refusal, got \(tooMuch)")
            return
        }
    }
}
