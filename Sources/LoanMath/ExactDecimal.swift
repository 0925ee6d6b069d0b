/// An exact decimal number: `significand × 10^-scale`, with at most `maxScale` decimal places.
///
/// Addition, subtraction and multiplication are exact up to `maxScale` places; division is exact when
/// the quotient terminates within `maxScale` places and is otherwise rounded half-even there.
/// Used for rates, percentages and the rule language; amounts of money are `Money`.
public struct ExactDecimal: Sendable, Hashable {
    /// The digits without the decimal point.
    public private(set) var significand: Int128
    /// How many of those digits stand after the decimal point.
    public private(set) var scale: Int

    /// The most decimal places kept.
    public static let maxScale = 18

    public init(significand: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= ExactDecimal.maxScale, "scale out of range")
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) { self.init(significand: Int128(integer), scale: 0) }

    public static let zero = ExactDecimal(0)
    public static let one = ExactDecimal(1)

    /// Parses `12`, `-0.105`, `+3.50`; `nil` for anything else or more than `maxScale` places.
    public init?(parsing text: String) {
        var chars = Substring(text)
        var negative = false
        if let first = chars.first, first == "-" || first == "+" {
            negative = first == "-"
            chars = chars.dropFirst()
        }
        guard !chars.isEmpty else { return nil }
        var digits: Int128 = 0
        var scale = 0
        var seenPoint = false
        var seenDigit = false
        for c in chars {
            if c == "." {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            if c == "_" { continue }
            guard let d = c.wholeNumberValue, c.isASCII else { return nil }
            seenDigit = true
            let (m, o1) = digits.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int128(d))
            if o1 || o2 { return nil }
            digits = s
            if seenPoint { scale += 1 }
        }
        guard seenDigit, scale <= ExactDecimal.maxScale else { return nil }
        self.init(significand: negative ? -digits : digits, scale: scale)
    }

    static func power10(_ n: Int) -> Int128 {
        var r: Int128 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// The same value with exactly `newScale` places; rounds by `mode` when places are dropped.
    public func rescaled(to newScale: Int, _ mode: RoundingMode = .halfEven) -> ExactDecimal {
        if newScale == scale { return self }
        if newScale > scale {
            return ExactDecimal(significand: significand * ExactDecimal.power10(newScale - scale), scale: newScale)
        }
        let value = mode.divide(significand, by: ExactDecimal.power10(scale - newScale))
        return ExactDecimal(significand: value, scale: newScale)
    }

    /// The same value without trailing zero places.
    public var normalized: ExactDecimal {
        var s = significand, k = scale
        while k > 0 && s % 10 == 0 { s /= 10; k -= 1 }
        return ExactDecimal(significand: s, scale: k)
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }
    public var isInteger: Bool { normalized.scale == 0 }

    /// Rounds to `places` decimal places by `mode`.
    public func rounded(places: Int, _ mode: RoundingMode) -> ExactDecimal {
        places >= scale ? self : rescaled(to: places, mode)
    }
}
