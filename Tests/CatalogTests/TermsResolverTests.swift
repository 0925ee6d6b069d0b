import Catalog
import LoanMath
import Rules
import Testing

/// Precedence of the layers and what is filled in when nobody says.
@Suite struct TermsResolverTests {
    static let product = """
        product: test-loan
        name: Test Loan
        currency: INR
        category: retail
        secured: false
        rate_type: fixed
        limits:
          principal: { min: 10000, max: 1000000 }
          tenure: { min: 6, max: 60 }
          rate: { min: 8%, max: 20% }
        defaults:
          rate: 14%
          tenure: 36
          frequency: quarterly
          fees: [ { name: processing, amount: 1000, gst: 18% } ]
        """

    static func loadProduct() throws -> ProductDefinition {
        try ProductLoader.load(ConfigSource(text: product, displayPath: "test-loan.yaml"), expectedID: "test-loan").get()
    }

    static let termsFile = ConfigSource(text: """
        principal: 250000
        rate: 13%
        disbursement_date: 2026-01-10
        """, displayPath: "terms.yaml")

    @Test func flagBeatsTermsFileBeatsDefaults() throws {
        let product = try Self.loadProduct()
        let all = try TermsResolver.resolve(product: product, terms: Self.termsFile,
                                            overrides: [TermsOverride(key: "rate", text: "12.5%")])
        #expect(all.annualRate == Rate(parsing: "12.5%"))
        let noFlag = try TermsResolver.resolve(product: product, terms: Self.termsFile, overrides: [])
        #expect(noFlag.annualRate == Rate(parsing: "13%"))
        let onlyDefaults = try TermsResolver.resolve(product: product, terms: nil, overrides: [
            TermsOverride(key: "principal", text: "250000"), TermsOverride(key: "disbursement-date", text: "2026-01-10"),
        ])
        #expect(onlyDefaults.annualRate == Rate(parsing: "14%"))
        // Values nobody overrode come from the lower layers.
        #expect(all.installmentCount == 36)
        #expect(all.frequency == .quarterly)
        #expect(all.principal == Money(major: 250_000))
        #expect(all.fees == [UpfrontFee(name: "processing", amount: Money(major: 1000), gst: Money(major: 180))])
    }

    @Test func defaultsWhenNobodySays() throws {
        let terms = try TermsResolver.resolve(product: nil, terms: ConfigSource(text: """
            { "principal": "100000", "rate": "10%", "tenure": 12, "disbursement_date": "2026-03-31" }
            """, displayPath: "terms.json"))
        let expected = LoanTerms(principal: Money(major: 100_000), annualRate: Rate(basisPoints: 1_000),
                                 installmentCount: 12, frequency: .monthly, method: .reducingBalance,
                                 amortization: .equalInstallment, dayCount: .thirty360,
                                 disbursementDate: LocalDate(year: 2026, month: 3, day: 31)!, firstDueDate: nil,
                                 moratorium: .none, rounding: ScheduleRounding(installmentUnit: .minor,
                                 installmentMode: .halfUp, interestMode: .halfUp), fees: [])
        #expect(terms == expected)
    }

    @Test func nestedOverridesAndAmortizationFigures() throws {
        let terms = try TermsResolver.resolve(product: try Self.loadProduct(), terms: Self.termsFile, overrides: [
            TermsOverride(key: "amortization", text: "step-up"),
            TermsOverride(key: "step.every", text: "12"),
            TermsOverride(key: "step.change", text: "-5%"),
            TermsOverride(key: "moratorium.principal", text: "3"),
            TermsOverride(key: "moratorium.deferred_interest", text: "waive"),
            TermsOverride(key: "rounding.installment", text: "10"),
        ])
        #expect(terms.amortization == .stepUp(every: 12, change: Rate(basisPoints: -500)))
        #expect(terms.moratorium == Moratorium(principalPeriods: 3, interestPeriods: 0, deferredInterest: .waive))
        #expect(terms.rounding.installmentUnit == .multipleOfMajor(10))
    }

    @Test func commandLineProblemsNameTheFlag() throws {
        #expect {
            try TermsResolver.resolve(product: nil, terms: nil, overrides: [TermsOverride(key: "rate", text: "12")])
        } throws: { error in
            let rendered = DiagnosticsReport.render(error as! DiagnosticsError)
            return rendered == """
                command line: --disbursement-date: error: missing `disbursement_date`: set it with `--disbursement-date` or in a terms file
                command line: --principal: error: missing `principal`: set it with `--principal` or in a terms file
                command line: --rate: error: expected a percentage such as `10.5%`, found `12`; write rates as a percentage, e.g. `10.5%`
                command line: --tenure: error: missing `tenure`: set it with `--tenure` or in a terms file
                4 errors
                """
        }
    }

    @Test func balloonNeedsBalloonAmortization() throws {
        let terms = try TermsResolver.resolve(product: try Self.loadProduct(), terms: Self.termsFile, overrides: [
            TermsOverride(key: "amortization", text: "balloon"), TermsOverride(key: "balloon", text: "50000"),
        ])
        #expect(terms.amortization == .balloon(Money(major: 50_000)))
        let schedule = try ScheduleEngine.schedule(for: terms)
        #expect(schedule.totalPrincipal == Money(major: 250_000))
    }
}
