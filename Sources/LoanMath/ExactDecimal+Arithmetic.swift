/// Errors from exact decimal arithmetic.
public enum ArithmeticError: Error, Sendable, Equatable {
    case overflow
    case divisionByZero
}

extension ExactDecimal: Comparable {
    static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int128, Int128, Int) {
        let scale = max(a.scale, b.scale)
        return (a.rescaled(to: scale).significand, b.rescaled(to: scale).significand, scale)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (a, b, _) = aligned(lhs, rhs)
        return a < b
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (a, b, _) = aligned(lhs, rhs)
        return a == b
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    /// `self + other`, or `.overflow`.
    public func adding(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let (a, b, scale) = ExactDecimal.aligned(self, other)
        let (s, o) = a.addingReportingOverflow(b)
        if o { throw .overflow }
        return ExactDecimal(significand: s, scale: scale)
    }

    /// `self - other`, or `.overflow`.
    public func subtracting(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        try adding(other.negated())
    }

    public func negated() -> ExactDecimal { ExactDecimal(significand: -significand, scale: scale) }

    /// `self × other`, exact up to `maxScale` places (rounded half-even beyond), or `.overflow`.
    public func multiplying(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let (p, o) = significand.multipliedReportingOverflow(by: other.significand)
        if o { throw .overflow }
        var scale = self.scale + other.scale
        var value = p
        if scale > ExactDecimal.maxScale {
            value = RoundingMode.halfEven.divide(value, by: ExactDecimal.power10(scale - ExactDecimal.maxScale))
            scale = ExactDecimal.maxScale
        }
        return ExactDecimal(significand: value, scale: scale).normalized
    }

    /// `self ÷ other`, exact when it terminates within `maxScale` places, else rounded half-even.
    public func dividing(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        if other.significand == 0 { throw .divisionByZero }
        // value = (a / 10^sa) / (b / 10^sb) = a * 10^(sb + maxScale - sa) / b  at scale maxScale
        let shift = other.scale + ExactDecimal.maxScale - scale
        var numerator = significand
        var denominator = other.significand
        if shift >= 0 {
            let (m, o) = numerator.multipliedReportingOverflow(by: ExactDecimal.power10(shift))
            if o { throw .overflow }
            numerator = m
        } else {
            denominator *= ExactDecimal.power10(-shift)
        }
        let q = RoundingMode.halfEven.divide(numerator, by: denominator)
        return ExactDecimal(significand: q, scale: ExactDecimal.maxScale).normalized
    }

    public static func + (l: ExactDecimal, r: ExactDecimal) -> ExactDecimal {
        guard let v = try? l.adding(r) else { preconditionFailure("decimal overflow") }
        return v
    }

    public static func - (l: ExactDecimal, r: ExactDecimal) -> ExactDecimal {
        guard let v = try? l.subtracting(r) else { preconditionFailure("decimal overflow") }
        return v
    }

    public static func * (l: ExactDecimal, r: ExactDecimal) -> ExactDecimal {
        guard let v = try? l.multiplying(r) else { preconditionFailure("decimal overflow") }
        return v
    }
}

extension ExactDecimal: CustomStringConvertible {
    /// Plain decimal text with the number's own places, e.g. `0.105`, `-12`, `3.50`.
    public var description: String {
        let magnitude = significand.magnitude
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (significand < 0 ? "-" : "") + digits
    }
}
