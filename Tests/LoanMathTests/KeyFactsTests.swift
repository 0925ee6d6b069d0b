import Testing
@testable import LoanMath

@Suite("Key Facts Statement figures and APR")
struct KeyFactsTests {
    /// RBI's KFS illustration (April 2024 circular, Annex B): ₹1,00,000 for 12 months at 12% fixed,
    /// EMI ₹8,885, processing fee ₹2,000 to the lender and ₹1,000 insurance to a third party,
    /// net disbursed ₹97,000, total interest ₹6,620, total payable ₹1,06,620.
    func illustration() -> LoanTerms {
        LoanTerms(principal: Money(major: 100_000), annualRate: Rate(parsing: "12%")!, installmentCount: 12,
                  disbursementDate: LocalDate(iso: "2026-04-01")!,
                  rounding: ScheduleRounding(installmentUnit: .major, lastInstallment: .equal),
                  fees: [UpfrontFee(name: "processing", amount: Money(major: 2_000)),
                         UpfrontFee(name: "insurance", amount: Money(major: 1_000), payee: .thirdParty)])
    }

    @Test("RBI illustration: instalment, interest, net disbursed, total payable")
    func rbiIllustration() throws {
        let facts = KeyFacts(schedule: try ScheduleEngine.schedule(for: illustration()))
        #expect(facts.installmentAmount == Money(major: 8_885))
        #expect(facts.totalInterest == Money(major: 6_620))
        #expect(facts.feesToLender == Money(major: 2_000))
        #expect(facts.feesToThirdParties == Money(major: 1_000))
        #expect(facts.netDisbursedAmount == Money(major: 97_000))
        #expect(facts.totalPayable == Money(major: 106_620))
        // Monthly IRR of −97,000 then 12 × 8,885, × 12: scipy.optimize.brentq gives 17.8275…%.
        #expect(facts.annualPercentageRate == ExactDecimal(parsing: "17.83"))
    }

    @Test("with no fees the APR is the nominal rate")
    func noFees() throws {
        var terms = illustration()
        terms.fees = []
        terms.rounding = ScheduleRounding()
        let facts = KeyFacts(schedule: try ScheduleEngine.schedule(for: terms))
        #expect(facts.annualPercentageRate == ExactDecimal(parsing: "12"))
        #expect(facts.netDisbursedAmount == Money(major: 100_000))
    }

    @Test("GST on a fee counts in fees and in the APR")
    func gst() throws {
        var terms = illustration()
        terms.fees = [UpfrontFee(name: "processing", amount: Money(major: 2_000), gst: Money(major: 360))]
        let facts = KeyFacts(schedule: try ScheduleEngine.schedule(for: terms))
        #expect(facts.totalFees == Money(major: 2_360))
        #expect(facts.netDisbursedAmount == Money(major: 97_640))
        #expect(facts.annualPercentageRate > ExactDecimal(parsing: "16")!)
    }

    @Test("IRR of a textbook annuity")
    func irr() throws {
        // −1,000 then 3 × 402.11: the 10% annuity (1000 × 0.1/(1 − 1.1^−3) = 402.1148).
        let rate = try #require(IRRSolver.periodicRate([-100_000, 40_211, 40_211, 40_211]))
        #expect(abs(rate - 0.1) < 0.0001)
        #expect(IRRSolver.periodicRate([100, 200]) == nil)
    }
}
