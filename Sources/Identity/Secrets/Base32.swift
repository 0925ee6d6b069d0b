/// Base32 (RFC 4648 §6), the form authenticator apps take a TOTP secret in.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var text = ""
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                text.append(Character(Unicode.Scalar(alphabet[(buffer >> (bits - 5)) & 31])))
                bits -= 5
            }
        }
        if bits > 0 { text.append(Character(Unicode.Scalar(alphabet[(buffer << (5 - bits)) & 31]))) }
        return text
    }

    /// The bytes of `text` (case-insensitive, spaces and padding ignored), or nil when it is not base32.
    public static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: " ") && character != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5 | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}
