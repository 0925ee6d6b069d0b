/// A currency by ISO 4217 code and the number of decimal places of its minor unit.
///
/// The code is packed into four bytes so that `Money` stays 16 bytes and currency checks on every
/// addition cost one integer comparison.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    private let packedCode: UInt32
    private let digits: Int8

    /// A currency from a three-letter ISO 4217 code such as `INR`.
    public init(code: String, minorUnitDigits: Int) {
        precondition((0...4).contains(minorUnitDigits))
        let bytes = Array(code.utf8)
        precondition(bytes.count == 3 && bytes.allSatisfy { $0 >= 65 && $0 <= 90 }, "ISO 4217 code expected")
        packedCode = UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2])
        digits = Int8(minorUnitDigits)
    }

    /// Indian rupee; the minor unit is the paisa.
    public static let inr = Currency(code: "INR", minorUnitDigits: 2)

    /// ISO 4217 alphabetic code, e.g. `INR`.
    public var code: String {
        String(decoding: [UInt8(packedCode >> 16 & 0xFF), UInt8(packedCode >> 8 & 0xFF), UInt8(packedCode & 0xFF)],
               as: UTF8.self)
    }

    /// Decimal places of the minor unit (2 for INR: paise).
    public var minorUnitDigits: Int { Int(digits) }

    /// Minor units in one major unit (100 paise in a rupee).
    public var minorUnitsPerMajor: Int64 {
        var result: Int64 = 1
        for _ in 0..<digits { result *= 10 }
        return result
    }

    public var description: String { code }
}
