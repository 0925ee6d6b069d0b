/// Lower-case hexadecimal of digests and zero-padded numbers, without `String(format:)` (which goes
/// through Foundation's formatter on every call).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The bytes of `sequence` as lower-case hex, two characters a byte.
    static func string<S: Sequence>(_ sequence: S) -> String where S.Element == UInt8 {
        var bytes: [UInt8] = []
        for byte in sequence {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `number` in decimal, zero-padded to `width` digits.
    static func padded(_ number: Int, width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
