/// An exact fraction of a year, `numerator / denominator`, as a day count gives it (31/365, 1/12…).
public struct YearFraction: Hashable, Sendable {
    public let numerator: Int64
    public let denominator: Int64

    public init(_ numerator: Int64, _ denominator: Int64) {
        precondition(denominator > 0)
        self.numerator = numerator
        self.denominator = denominator
    }

    public static let one = YearFraction(1, 1)
    public static let zero = YearFraction(0, 1)

    /// The sum of two fractions, exactly.
    public static func + (l: YearFraction, r: YearFraction) -> YearFraction {
        if l.denominator == r.denominator { return YearFraction(l.numerator + r.numerator, l.denominator) }
        return YearFraction(l.numerator * r.denominator + r.numerator * l.denominator, l.denominator * r.denominator)
    }

    /// The difference of two fractions, exactly.
    public static func - (l: YearFraction, r: YearFraction) -> YearFraction {
        l + YearFraction(-r.numerator, r.denominator)
    }

    /// A Double approximation, for solvers only.
    public var approximate: Double { Double(numerator) / Double(denominator) }
}
