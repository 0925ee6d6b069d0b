/// A loan's classification at a day end: its class and, once non-performing, the date it became so.
public struct Classification: Sendable, Hashable {
    public var assetClass: AssetClass
    /// The day-end at which the loan first became NPA; kept until it is upgraded.
    public var npaSince: LocalDate?
    /// Set when the lender identifies the loan as a loss asset; it then stays `loss` until upgraded.
    public var identifiedAsLoss: Bool

    public init(_ assetClass: AssetClass = .standard, npaSince: LocalDate? = nil, identifiedAsLoss: Bool = false) {
        self.assetClass = assetClass
        self.npaSince = npaSince
        self.identifiedAsLoss = identifiedAsLoss
    }

    public static let standard = Classification()
}

/// IRACP thresholds for term loans: SMA bands by days past due, NPA beyond them, and the ageing of
/// an NPA through sub-standard and doubtful. RBI's figures are the defaults; a lender's policy may
/// set others.
public struct ClassificationRules: Sendable, Hashable {
    /// Highest DPD of SMA-0, SMA-1 and SMA-2; more than `sma2Through` days is NPA.
    public var sma0Through: Int
    public var sma1Through: Int
    public var sma2Through: Int
    /// Months an NPA stays sub-standard, then doubtful D1, then D2; D3 after that.
    public var substandardMonths: Int
    public var doubtfulD1Months: Int
    public var doubtfulD2Months: Int

    public init(sma0Through: Int = 30, sma1Through: Int = 60, sma2Through: Int = 90, substandardMonths: Int = 12,
                doubtfulD1Months: Int = 12, doubtfulD2Months: Int = 24) {
        self.sma0Through = sma0Through
        self.sma1Through = sma1Through
        self.sma2Through = sma2Through
        self.substandardMonths = substandardMonths
        self.doubtfulD1Months = doubtfulD1Months
        self.doubtfulD2Months = doubtfulD2Months
    }

    /// RBI's Master Circular figures for term loans.
    public static let rbi = ClassificationRules()

    /// The classification at the end of `date`, given the one at the previous day end, the loan's
    /// DPD and whether any principal, interest or charge is in arrears. An NPA stays NPA, ageing by
    /// time since it became one, until every arrear is paid; only then is it upgraded to standard.
    public func classify(previous: Classification, dpd: Int, hasArrears: Bool, on date: LocalDate) -> Classification {
        if previous.assetClass.isNPA {
            guard hasArrears else { return .standard }
            let since = previous.npaSince ?? date
            if previous.identifiedAsLoss { return Classification(.loss, npaSince: since, identifiedAsLoss: true) }
            return Classification(npaClass(since: since, on: date), npaSince: since)
        }
        if dpd > sma2Through { return Classification(.substandard, npaSince: date) }
        if dpd > sma1Through { return Classification(.sma2) }
        if dpd > sma0Through { return Classification(.sma1) }
        if dpd > 0 { return Classification(.sma0) }
        return .standard
    }

    /// The NPA class of a loan non-performing since `since`, at `date`.
    public func npaClass(since: LocalDate, on date: LocalDate) -> AssetClass {
        let d1 = since.adding(months: substandardMonths)
        let d2 = d1.adding(months: doubtfulD1Months)
        let d3 = d2.adding(months: doubtfulD2Months)
        if date < d1 { return .substandard }
        if date < d2 { return .doubtfulD1 }
        if date < d3 { return .doubtfulD2 }
        return .doubtfulD3
    }
}
