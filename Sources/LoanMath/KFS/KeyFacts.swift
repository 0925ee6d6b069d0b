/// The Key Facts Statement figures of a loan (RBI, April 2024): what the borrower receives, pays and
/// the annual percentage rate that puts every charge into one number.
public struct KeyFacts: Hashable, Sendable {
    public var sanctionedAmount: Money
    public var installmentAmount: Money
    public var installmentCount: Int
    public var totalInterest: Money
    /// Upfront fees and charges payable to the lender, GST included.
    public var feesToLender: Money
    /// Upfront charges collected for third parties (insurance, stamp duty…), GST included.
    public var feesToThirdParties: Money
    /// Sanctioned amount less every upfront fee and charge.
    public var netDisbursedAmount: Money
    /// Principal + interest the borrower repays over the term (RBI: "sum of 1 and 5").
    public var totalPayable: Money
    /// Annual percentage rate in percent, rounded half-up to 2 places (17.83 for 17.83%).
    public var annualPercentageRate: ExactDecimal

    public var totalFees: Money { feesToLender + feesToThirdParties }

    /// The KFS figures for `schedule`, whose terms carry the upfront fees.
    ///
    /// APR is the periodic IRR of the borrower's cash flows — net disbursed out at the start, each
    /// instalment in at its period — times the instalments per year (nominal, not compounded):
    /// monthly IRR × 12 for monthly loans, as RBI's illustration computes it. A broken first period
    /// places every instalment at its true distance in periods (1.5 for a first due date 45 days out
    /// on a 30/360 monthly loan), so short or long first periods neither flatter nor inflate the APR.
    public init(schedule: Schedule) {
        let terms = schedule.terms
        let currency = terms.principal.currency
        let lender = terms.fees.filter { $0.payee == .lender }.reduce(Money.zero(currency)) { $0 + $1.total }
        let third = terms.fees.filter { $0.payee == .thirdParty }.reduce(Money.zero(currency)) { $0 + $1.total }
        sanctionedAmount = terms.principal
        installmentAmount = schedule.installmentAmount
        installmentCount = terms.installmentCount
        totalInterest = schedule.totalInterest
        feesToLender = lender
        feesToThirdParties = third
        netDisbursedAmount = terms.principal - lender - third
        totalPayable = schedule.totalInstallments
        let perYear = terms.frequency.periodsPerYear
        var times: [Double] = [0]
        var elapsed = 0.0
        for row in schedule.rows {
            elapsed += row.periodFraction.approximate * Double(perYear)
            times.append(elapsed)
        }
        let flows = [-netDisbursedAmount.minorUnits] + schedule.rows.map { $0.total.minorUnits }
        annualPercentageRate = KeyFacts.annualised(IRRSolver.periodicRate(flows, at: times), perYear)
    }

    static func annualised(_ periodic: Double?, _ periodsPerYear: Int) -> ExactDecimal {
        guard let periodic else { return .zero }
        // Percent with 2 places: round the solver's result once, half-up, at the end.
        let hundredths = (periodic * Double(periodsPerYear) * 10_000).rounded(.toNearestOrAwayFromZero)
        return ExactDecimal(significand: Int128(hundredths), scale: 2)
    }
}
