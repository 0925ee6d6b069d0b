/// An exact amount of money: a whole number of minor units (paise) in a currency.
public struct Money: Hashable, Sendable, Comparable {
    /// The amount in minor units (paise for INR).
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency = .inr) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// An amount of whole major units (rupees).
    public init(major: Int64, currency: Currency = .inr) {
        self.init(minorUnits: major * currency.minorUnitsPerMajor, currency: currency)
    }

    public static func zero(_ currency: Currency = .inr) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "currency mismatch")
        return lhs.minorUnits < rhs.minorUnits
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "currency mismatch")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "currency mismatch")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    public static prefix func - (value: Money) -> Money {
        Money(minorUnits: -value.minorUnits, currency: value.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    public static func * (lhs: Money, rhs: Int64) -> Money {
        Money(minorUnits: lhs.minorUnits * rhs, currency: lhs.currency)
    }

    /// The smaller of two amounts in the same currency.
    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    /// The larger of two amounts in the same currency.
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }

    /// This amount times `numerator / denominator`, rounded to the minor unit by `mode`.
    public func scaled(by numerator: Int128, over denominator: Int128, _ mode: RoundingMode) -> Money {
        let value = mode.divide(Int128(minorUnits) * numerator, by: denominator)
        return Money(minorUnits: Int64(value), currency: currency)
    }

    /// This amount rounded to a multiple of `unit` by `mode`.
    public func rounded(to unit: RoundingUnit, _ mode: RoundingMode) -> Money {
        let step = unit.minorUnits(in: currency)
        if step == 1 { return self }
        let units = mode.divide(Int128(minorUnits), by: Int128(step))
        return Money(minorUnits: Int64(units) * step, currency: currency)
    }
}
