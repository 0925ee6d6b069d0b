import LoanMath

/// Checked exact arithmetic on `ExactDecimal` for the rules language: every operation either
/// returns the exact result or throws, and none can trap, whatever the operands.
///
/// Division is exact when the quotient terminates within 18 places, otherwise rounded half-even at
/// the 18th place (the same rule as `ExactDecimal.dividing`). Results drop trailing zero places.
enum DecimalMath {
    static let maxScale = ExactDecimal.maxScale

    /// 10^n for n in 0…38, computed without a global table (whose lazy initialisation costs a
    /// check on every access on the hot path).
    @inline(__always)
    static func unsignedPower(_ n: Int) -> UInt128 {
        if n <= 18 { return UInt128(smallPower(n)) }
        return UInt128(smallPower(18)) * UInt128(smallPower(n - 18 > 18 ? 18 : n - 18))
            * (n > 36 ? UInt128(smallPower(n - 36)) : 1)
    }

    @inline(__always)
    static func power(_ n: Int) -> Int128 { Int128(unsignedPower(n)) }

    /// 10^n for n in 0…18.
    @inline(__always)
    static func smallPower(_ n: Int) -> Int64 {
        switch n {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10: return 10_000_000_000
        case 11: return 100_000_000_000
        case 12: return 1_000_000_000_000
        case 13: return 10_000_000_000_000
        case 14: return 100_000_000_000_000
        case 15: return 1_000_000_000_000_000
        case 16: return 10_000_000_000_000_000
        case 17: return 100_000_000_000_000_000
        default: return 1_000_000_000_000_000_000
        }
    }

    static func integer(_ v: Int64) -> ExactDecimal { ExactDecimal(significand: Int128(v), scale: 0) }

    // MARK: - Comparison

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let (x, y): (Int128, Int128)
        if a.scale == b.scale {
            (x, y) = (a.significand, b.significand)
        } else if a.scale < b.scale {
            let (m, o) = a.significand.multipliedReportingOverflow(by: power(b.scale - a.scale))
            if o { return a.significand < 0 ? -1 : 1 }
            (x, y) = (m, b.significand)
        } else {
            let (m, o) = b.significand.multipliedReportingOverflow(by: power(a.scale - b.scale))
            if o { return b.significand < 0 ? 1 : -1 }
            (x, y) = (a.significand, m)
        }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    // MARK: - Arithmetic

    static func add(_ a: ExactDecimal, _ b: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let (x, y, scale) = try aligned(a, b)
        let (s, o) = x.addingReportingOverflow(y)
        if o { throw .overflow }
        return ExactDecimal(significand: s, scale: scale)
    }

    static func subtract(_ a: ExactDecimal, _ b: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let (x, y, scale) = try aligned(a, b)
        let (s, o) = x.subtractingReportingOverflow(y)
        if o { throw .overflow }
        return ExactDecimal(significand: s, scale: scale)
    }

    static func negate(_ a: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        if a.significand == Int128.min { throw .overflow }
        return ExactDecimal(significand: -a.significand, scale: a.scale)
    }

    static func abs(_ a: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        a.significand < 0 ? try negate(a) : a
    }

    static func multiply(_ a: ExactDecimal, _ b: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let (p, o) = a.significand.multipliedReportingOverflow(by: b.significand)
        if o { throw .overflow }
        var scale = a.scale + b.scale
        var value = p
        if scale > maxScale {
            value = RoundingMode.halfEven.divide(value, by: power(scale - maxScale))
            scale = maxScale
        }
        return trimmed(value, scale: scale)
    }

    /// `a ÷ b`: exact when it terminates within 18 places, else rounded half-even there.
    ///
    /// Long division in steps of up to 18 digits. When the divisor fits in 64 bits (amounts,
    /// rates, counts) each step is one hardware 128-by-64-bit division.
    static func divide(_ a: ExactDecimal, _ b: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        if b.significand == 0 { throw .divisionByZero }
        if a.significand == 0 { return ExactDecimal(significand: 0, scale: 0) }
        let negative = (a.significand < 0) != (b.significand < 0)
        let numerator = a.significand.magnitude, divisor = b.significand.magnitude
        // a ÷ b = (A ÷ B) × 10^d. After j digits, q = ⌊A·10^j ÷ B⌋ at scale j − d.
        let d = b.scale - a.scale
        let target = d + maxScale
        let small = UInt64(exactly: divisor)
        let maxStep: Int
        var q: UInt128, r: UInt128
        if let d64 = small {
            maxStep = 18
            if let n64 = UInt64(exactly: numerator) {
                let (x, y) = n64.quotientAndRemainder(dividingBy: d64)
                (q, r) = (UInt128(x), UInt128(y))
            } else {
                (q, r) = numerator.quotientAndRemainder(dividingBy: divisor)
            }
        } else {
            let divisorDigits = digits(divisor)
            guard divisorDigits < 38 else { throw .overflow }
            maxStep = 38 - divisorDigits
            (q, r) = numerator.quotientAndRemainder(dividingBy: divisor)
        }
        var j = 0
        while j < target && r != 0 || j < d {
            let step = min(target - j, maxStep)
            let (shifted, o1) = q.multipliedReportingOverflow(by: unsignedPower(step))
            if o1 {
                if j >= d { break }
                throw .overflow
            }
            let digits: UInt128
            if let d64 = small {
                // r < d64, so r·10^step fits in 128 bits and the quotient (< 10^18) in 64.
                let wide = UInt64(truncatingIfNeeded: r).multipliedFullWidth(by: UInt64(smallPower(step)))
                let (x, y) = d64.dividingFullWidth(wide)
                (digits, r) = (UInt128(x), UInt128(y))
            } else {
                (digits, r) = (r * unsignedPower(step)).quotientAndRemainder(dividingBy: divisor)
            }
            let (sum, o2) = shifted.addingReportingOverflow(digits)
            if o2 {
                if j >= d { break }
                throw .overflow
            }
            (q, j) = (sum, j + step)
        }
        if r != 0 {
            let twice = r << 1
            if twice > divisor || (twice == divisor && q & 1 == 1) {
                let (up, o) = q.addingReportingOverflow(1)
                if o { throw .overflow }
                q = up
            }
        }
        guard let magnitude = Int128(exactly: q) else { throw .overflow }
        return trimmed(negative ? -magnitude : magnitude, scale: j - d)
    }

    /// `x` rounded to a whole multiple of `step` (> 0) by `mode`: `round(₹1234.56, ₹10, up)` = ₹1240.
    static func round(_ x: ExactDecimal, step: ExactDecimal, _ mode: RoundingMode) throws(ArithmeticError) -> ExactDecimal {
        let (value, unit, scale) = try aligned(x, step)
        if unit == 0 { throw .divisionByZero }
        let count: Int128
        if let v = Int64(exactly: value), let u = Int64(exactly: unit), v != Int64.min {
            count = Int128(roundedQuotient(v, u, mode))
        } else {
            count = mode.divide(value, by: unit)
        }
        let (result, o) = count.multipliedReportingOverflow(by: unit)
        if o { throw .overflow }
        return trimmed(result, scale: scale)
    }

    /// `n ÷ d` (d > 0) rounded to a whole number by `mode`, in 64-bit arithmetic.
    static func roundedQuotient(_ n: Int64, _ d: Int64, _ mode: RoundingMode) -> Int64 {
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        if r == 0 { return q }
        let away = n < 0 ? q - 1 : q + 1
        switch mode {
        case .down: return q
        case .up: return away
        case .halfUp, .halfEven:
            let twice = r.magnitude * 2, divisor = d.magnitude
            if twice > divisor { return away }
            if twice < divisor { return q }
            if mode == .halfUp { return away }
            return q % 2 == 0 ? q : away
        }
    }

    /// `x` with the decimal point moved `places` to the left (÷ 10^places), rounded half-even at 18 places.
    static func movePoint(_ x: ExactDecimal, left places: Int) -> ExactDecimal {
        let scale = x.scale + places
        if scale <= maxScale { return ExactDecimal(significand: x.significand, scale: scale) }
        return ExactDecimal(significand: RoundingMode.halfEven.divide(x.significand, by: power(scale - maxScale)), scale: maxScale)
    }

    /// `x` with the decimal point moved `places` to the right (× 10^places); `x` itself on overflow.
    static func movePoint(_ x: ExactDecimal, right places: Int) -> ExactDecimal {
        if x.scale >= places { return ExactDecimal(significand: x.significand, scale: x.scale - places) }
        let (m, o) = x.significand.multipliedReportingOverflow(by: power(places - x.scale))
        return o ? x : ExactDecimal(significand: m, scale: 0)
    }

    // MARK: - Helpers

    /// The significand of `x` written with exactly `scale` places (≥ its own), or nil on overflow.
    static func significand(_ x: ExactDecimal, atScale scale: Int) -> Int128? {
        guard scale >= x.scale else { return nil }
        let (m, o) = x.significand.multipliedReportingOverflow(by: power(scale - x.scale))
        return o ? nil : m
    }

    static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) throws(ArithmeticError) -> (Int128, Int128, Int) {
        if a.scale == b.scale { return (a.significand, b.significand, a.scale) }
        if a.scale < b.scale {
            let (m, o) = a.significand.multipliedReportingOverflow(by: power(b.scale - a.scale))
            if o { throw .overflow }
            return (m, b.significand, b.scale)
        }
        let (m, o) = b.significand.multipliedReportingOverflow(by: power(a.scale - b.scale))
        if o { throw .overflow }
        return (a.significand, m, a.scale)
    }

    /// The value `significand × 10^-scale` without trailing zero places. A number has no more
    /// trailing decimal zeros than trailing binary zeros, which settles most cases without dividing.
    static func trimmed(_ significand: Int128, scale: Int) -> ExactDecimal {
        if scale == 0 { return ExactDecimal(significand: significand, scale: 0) }
        if significand == 0 { return ExactDecimal(significand: 0, scale: 0) }
        let limit = min(scale, significand.trailingZeroBitCount)
        if limit == 0 { return ExactDecimal(significand: significand, scale: scale) }
        var removed = 0
        if let small = Int64(exactly: significand) {
            var v = small
            var chunk = 16
            while chunk > 0 {
                if limit - removed >= chunk {
                    let p = smallPower(chunk)
                    if v % p == 0 { v /= p; removed += chunk }
                }
                chunk >>= 1
            }
            return ExactDecimal(significand: Int128(v), scale: scale - removed)
        }
        var v = significand
        var chunk = 16
        while chunk > 0 {
            if limit - removed >= chunk {
                let p = power(chunk)
                if v % p == 0 { v /= p; removed += chunk }
            }
            chunk >>= 1
        }
        return ExactDecimal(significand: v, scale: scale - removed)
    }

    static func digits(_ v: UInt128) -> Int {
        var n = 1
        var p: UInt128 = 10
        while n < 39 && v >= p {
            n += 1
            if n < 39 { p *= 10 }
        }
        return n
    }
}
