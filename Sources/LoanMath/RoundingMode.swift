/// A named rule for turning an exact quotient into a whole number of units.
///
/// `up` and `down` are away from and towards zero; for the positive amounts a lender rounds they
/// are the same as ceiling and floor. `half-up` rounds a tie away from zero, `half-even` to the
/// even neighbour (banker's rounding).
public enum RoundingMode: String, Sendable, CaseIterable, Codable {
    case halfUp = "half-up"
    case halfEven = "half-even"
    case up
    case down
}

extension RoundingMode {
    /// `numerator / denominator` rounded to a whole number by this mode. `denominator` must not be 0.
    public func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        precondition(denominator != 0, "division by zero")
        let (q, r) = RoundingMode.quotientAndRemainder(numerator, denominator)
        if r == 0 { return q }
        let negative = (numerator < 0) != (denominator < 0)
        let away: Int128 = negative ? q - 1 : q + 1
        switch self {
        case .down: return q
        case .up: return away
        case .halfUp, .halfEven:
            let twiceRemainder = r.magnitude * 2
            let divisor = denominator.magnitude
            if twiceRemainder > divisor { return away }
            if twiceRemainder < divisor { return q }
            if self == .halfUp { return away }
            return q % 2 == 0 ? q : away
        }
    }
}

extension RoundingMode {
    /// Truncating division with a fast path: when the divisor fits in 64 bits and the quotient does
    /// too, one hardware 128-by-64-bit division replaces the generic 128-bit routine.
    @inline(__always)
    static func quotientAndRemainder(_ n: Int128, _ d: Int128) -> (Int128, Int128) {
        let nm = n.magnitude, dm = d.magnitude
        if dm <= UInt128(UInt64.max), dm != 0 {
            let divisor = UInt64(dm)
            let high = UInt64(truncatingIfNeeded: nm >> 64)
            if high < divisor {
                let (q, r) = divisor.dividingFullWidth((high: high, low: UInt64(truncatingIfNeeded: nm)))
                let negative = (n < 0) != (d < 0)
                let quotient = Int128(q), remainder = Int128(r)
                return (negative ? -quotient : quotient, n < 0 ? -remainder : remainder)
            }
        }
        return n.quotientAndRemainder(dividingBy: d)
    }
}
