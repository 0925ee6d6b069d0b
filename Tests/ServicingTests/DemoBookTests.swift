import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

@Suite("The demo book: seeded through the real commands")
struct DemoBookTests {
    @Test("30 loans over 4 months: current, SMA and NPA loans, a closed one, and a ledger that verifies")
    func smallDemo() throws {
        let f = try BookFixture(.sqlite)
        let settings = DemoSettings(loans: 30, months: 4, start: date("2025-10-01"), seed: 7)
        let summary = try DemoBook.seed(f.book, catalog: shippedCatalog, settings: settings)
        #expect(summary.loans == 30 && summary.through == date("2026-01-31"))
        #expect(summary.byClass[.standard, default: 0] > 0)
        let sma = [AssetClass.sma0, .sma1, .sma2].reduce(0) { $0 + summary.byClass[$1, default: 0] }
        let npa = AssetClass.allCases.filter(\.isNPA).reduce(0) { $0 + summary.byClass[$1, default: 0] }
        #expect(sma >= 1, "\(summary.byClass)")
        #expect(npa >= 1, "\(summary.byClass)")
        #expect(summary.byStatus[.closed, default: 0] >= 1, "\(summary.byStatus)")
        #expect(try f.sql("SELECT COUNT(*) FROM loan_event WHERE event_type = 'prepayment'").first?.int64(0) ?? 0 >= 1)
        let verified = try LedgerVerification.verify(f.book.store)
        #expect(verified.loans == 30 && verified.differences.isEmpty)
        #expect(try f.sql("SELECT loan_id FROM gl_entry GROUP BY loan_id, sequence HAVING SUM(debit) <> SUM(credit)").isEmpty)
    }
}
