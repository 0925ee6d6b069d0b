/// A currency by ISO 4217 code and the number of decimal places of its minor unit.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// ISO 4217 alphabetic code, e.g. `INR`.
    public let code: String
    /// Decimal places of the minor unit (2 for INR: paise).
    public let minorUnitDigits: Int

    public init(code: String, minorUnitDigits: Int) {
        precondition((0...4).contains(minorUnitDigits))
        self.code = code
        self.minorUnitDigits = minorUnitDigits
    }

    /// Indian rupee; the minor unit is the paisa.
    public static let inr = Currency(code: "INR", minorUnitDigits: 2)

    /// Minor units in one major unit (100 paise in a rupee).
    public var minorUnitsPerMajor: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorUnitDigits { result *= 10 }
        return result
    }

    public var description: String { code }
}
