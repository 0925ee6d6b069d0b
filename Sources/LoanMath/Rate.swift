/// An exact rate, such as an annual interest rate or a fee percentage: a fixed-point fraction with
/// twelve decimal places (10.5% is stored as 0.105000000000).
public struct Rate: Hashable, Sendable, Comparable {
    /// The fraction times 10^12.
    public let scaledFraction: Int64

    /// Scale of `scaledFraction`: 10^12.
    public static let denominator: Int64 = 1_000_000_000_000
    static let places = 12

    public init(scaledFraction: Int64) { self.scaledFraction = scaledFraction }

    /// A rate from a whole number of basis points (1 bp = 0.01%).
    public init(basisPoints: Int64) { self.init(scaledFraction: basisPoints * 100_000_000) }

    public static let zero = Rate(scaledFraction: 0)

    /// A rate from an exact percentage: `Rate(percent: ExactDecimal(parsing: "10.5")!)`; `nil` if it has
    /// more places than a rate keeps.
    public init?(percent: ExactDecimal) {
        // A percentage with s places is the fraction with s + 2 places and the same digits.
        let p = percent.normalized
        guard p.scale + 2 <= Rate.places else { return nil }
        let fraction = ExactDecimal(significand: p.significand, scale: p.scale + 2).rescaled(to: Rate.places)
        guard let value = Int64(exactly: fraction.significand) else { return nil }
        self.init(scaledFraction: value)
    }

    /// Parses `10.5%` (a percentage) exactly; `nil` for any other text.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasSuffix("%"), let p = ExactDecimal(parsing: String(trimmed.dropLast()).trimmingSpaces) else {
            return nil
        }
        self.init(percent: p)
    }

    /// The rate as an exact fraction (0.105 for 10.5%).
    public var fraction: ExactDecimal {
        ExactDecimal(significand: Int128(scaledFraction), scale: Rate.places).normalized
    }

    /// The rate as an exact percentage (10.5 for 10.5%).
    public var percent: ExactDecimal {
        ExactDecimal(significand: Int128(scaledFraction), scale: Rate.places - 2).normalized
    }

    /// `10.5%`.
    public var percentString: String { percent.description + "%" }

    public var isZero: Bool { scaledFraction == 0 }

    public static func < (l: Rate, r: Rate) -> Bool { l.scaledFraction < r.scaledFraction }
    public static func + (l: Rate, r: Rate) -> Rate { Rate(scaledFraction: l.scaledFraction + r.scaledFraction) }
    public static func - (l: Rate, r: Rate) -> Rate { Rate(scaledFraction: l.scaledFraction - r.scaledFraction) }

    /// A Double approximation, for solvers only.
    public var approximateFraction: Double { Double(scaledFraction) / Double(Rate.denominator) }

    /// `amount × rate × fraction`, rounded to the minor unit by `mode`.
    public func interest(on amount: Money, for yearFraction: YearFraction, _ mode: RoundingMode) -> Money {
        let numerator = Int128(amount.minorUnits) * Int128(scaledFraction) * Int128(yearFraction.numerator)
        let denominator = Int128(Rate.denominator) * Int128(yearFraction.denominator)
        return Money(minorUnits: Int64(mode.divide(numerator, by: denominator)), currency: amount.currency)
    }

    /// `amount × rate`, rounded to the minor unit by `mode` (a fee of 2% of the loan, say).
    public func of(_ amount: Money, _ mode: RoundingMode) -> Money {
        interest(on: amount, for: .one, mode)
    }
}

extension Rate: CustomStringConvertible {
    public var description: String { percentString }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
