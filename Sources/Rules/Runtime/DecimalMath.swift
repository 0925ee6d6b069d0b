import LoanMath

/// Checked exact arithmetic on `ExactDecimal` for the rules language: every operation either
/// returns the exact result or throws, and none can trap, whatever the operands.
///
/// Division is exact when the quotient terminates within 18 places, otherwise rounded half-even at
/// the 18th place (the same rule as `ExactDecimal.dividing`). Results drop trailing zero places.
enum DecimalMath {
    static let maxScale = ExactDecimal.maxScale

    /// 10^0 … 10^38.
    static let powers: [UInt128] = {
        var table: [UInt128] = [1]
        for _ in 1...38 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    static func power(_ n: Int) -> Int128 { Int128(powers[n]) }

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
    static func divide(_ a: ExactDecimal, _ b: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        if b.significand == 0 { throw .divisionByZero }
        if a.significand == 0 { return ExactDecimal(significand: 0, scale: 0) }
        let negative = (a.significand < 0) != (b.significand < 0)
        let numerator = a.significand.magnitude, divisor = b.significand.magnitude
        // a ÷ b = (A ÷ B) × 10^d. After j steps, q = ⌊A·10^j ÷ B⌋ at scale j − d.
        let d = b.scale - a.scale
        let target = d + maxScale
        let divisorDigits = digits(divisor)
        guard divisorDigits < 38 else { throw .overflow }
        let maxStep = 38 - divisorDigits
        var (q, r) = numerator.quotientAndRemainder(dividingBy: divisor)
        var j = 0
        while j < target && r != 0 || j < d {
            let step = min(target - j, maxStep)
            let (shifted, o1) = q.multipliedReportingOverflow(by: powers[step])
            if o1 {
                if j >= d { break }
                throw .overflow
            }
            let (qr, rr) = (r * powers[step]).quotientAndRemainder(dividingBy: divisor)
            let (sum, o2) = shifted.addingReportingOverflow(qr)
            if o2 {
                if j >= d { break }
                throw .overflow
            }
            (q, r, j) = (sum, rr, j + step)
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
        let count = mode.divide(value, by: unit)
        let (result, o) = count.multipliedReportingOverflow(by: unit)
        if o { throw .overflow }
        return trimmed(result, scale: scale)
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

    /// The value `significand × 10^-scale` without trailing zero places.
    static func trimmed(_ significand: Int128, scale: Int) -> ExactDecimal {
        if scale == 0 { return ExactDecimal(significand: significand, scale: 0) }
        if significand == 0 { return ExactDecimal(significand: 0, scale: 0) }
        var k = scale
        if let small = Int64(exactly: significand) {
            var v = small
            for chunk in [16, 8, 4, 2, 1] where k >= chunk {
                let p = Int64(powers[chunk])
                if v % p == 0 { v /= p; k -= chunk }
            }
            return ExactDecimal(significand: Int128(v), scale: k)
        }
        var v = significand
        for chunk in [16, 8, 4, 2, 1] where k >= chunk {
            let p = power(chunk)
            if v % p == 0 { v /= p; k -= chunk }
        }
        return ExactDecimal(significand: v, scale: k)
    }

    static func digits(_ v: UInt128) -> Int {
        var n = 1
        while n < powers.count && v >= powers[n] { n += 1 }
        return n
    }
}
