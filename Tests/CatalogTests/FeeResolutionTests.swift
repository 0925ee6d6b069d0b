import Catalog
import LoanMath
import Testing

/// Percentage fees: 2% of the principal, at least ₹1,000, at most ₹10,000, GST 18%; every figure
/// below is worked by hand.
@Suite struct FeeResolutionTests {
    static let product = """
        product: fee-loan
        name: Fee Loan
        currency: INR
        category: retail
        secured: false
        rate_type: fixed
        limits:
          principal: { min: 10000, max: 5000000 }
          tenure: { min: 1, max: 60 }
          rate: { min: 1%, max: 30% }
        defaults:
          rate: 14%
          tenure: 24
          disbursement_date: 2026-01-10
          fees:
            - { name: processing, rate: 2%, min: 1000, max: 10000, gst: 18% }
            - { name: stamp-duty, amount: 160, payee: third-party }
        """

    /// (principal, processing fee, GST on it), by hand:
    /// - 3,00,000 × 2% = 6,000.00 (within bounds); GST 6,000 × 18% = 1,080.00
    /// - 40,000 × 2% = 800.00, raised to the minimum 1,000.00; GST 180.00
    /// - 25,00,000 × 2% = 50,000.00, cut to the maximum 10,000.00; GST 1,800.00
    /// - 1,23,456.78 × 2% = 2,469.1356 → 2,469.14 (half-up); GST 2,469.14 × 18% = 444.4452 → 444.45
    /// - 1,00,025.25 × 2% = 2,000.505 → 2,000.51 (half-up, a tie); GST 2,000.51 × 18% = 360.0918 → 360.09
    static let cases: [(String, Int64, Int64)] = [
        ("300000", 600_000, 108_000),
        ("40000", 100_000, 18_000),
        ("2500000", 1_000_000, 180_000),
        ("123456.78", 246_914, 44_445),
        ("100025.25", 200_051, 36_009),
    ]

    @Test(arguments: cases)
    func percentageFee(_ principal: String, _ feePaise: Int64, _ gstPaise: Int64) throws {
        let product = try ProductLoader.load(ConfigSource(text: Self.product, displayPath: "fee-loan.yaml"),
                                             expectedID: nil).get()
        let terms = try TermsResolver.resolve(product: product, terms: nil,
                                              overrides: [TermsOverride(key: "principal", text: principal)])
        #expect(terms.fees == [
            UpfrontFee(name: "processing", amount: Money(minorUnits: feePaise), payee: .lender,
                       gst: Money(minorUnits: gstPaise)),
            UpfrontFee(name: "stamp-duty", amount: Money(major: 160), payee: .thirdParty),
        ])
    }

    @Test func feesThatSwallowThePrincipalAreRefused() throws {
        let product = try ProductLoader.load(ConfigSource(text: Self.product, displayPath: "fee-loan.yaml"),
                                             expectedID: nil).get()
        let terms = ConfigSource(text: "principal: 10000\nfees: [ { name: processing, amount: 9000, gst: 18% } ]\n",
                                 displayPath: "terms.yaml")
        #expect {
            try TermsResolver.resolve(product: product, terms: terms)
        } throws: { error in
            "\(error)" ==
                "terms.yaml:2:7: error: upfront fees with GST come to 10,620.00, which leaves nothing to disburse from the principal 10,000.00"
        }
    }
}
