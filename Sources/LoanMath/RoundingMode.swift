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
        let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
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
