/// An Indian Financial System Code (RBI): 4 letters naming the bank, `0`, then 6 letters or digits
/// naming the branch, e.g. `SBIN0001234`.
public struct IFSC: Sendable, Hashable {
    /// The eleven characters, upper case.
    public let value: String

    /// The bank's four letters.
    public var bankCode: String { String(value.prefix(4)) }

    public static func parse(_ text: String, field: String = "ifsc") -> Result<IFSC, FieldError> {
        let chars = Array(FieldText.trimmed(text).uppercased())
        guard chars.count == 11 else {
            return .failure(FieldError(field: field, "an IFSC has 11 characters, found \(chars.count)"))
        }
        if let bad = chars[0..<4].firstIndex(where: { !FieldText.isLetter($0) }) {
            return .failure(FieldError(field: field, "the first 4 characters of an IFSC are letters (the bank), found \(FieldText.shown(chars[bad])) at \(bad + 1)"))
        }
        guard chars[4] == "0" else {
            return .failure(FieldError(field: field, "the 5th character of an IFSC is `0`, found \(FieldText.shown(chars[4]))"))
        }
        if let bad = chars[5...].firstIndex(where: { !FieldText.isAlphanumeric($0) }) {
            return .failure(FieldError(field: field, "the last 6 characters of an IFSC are letters or digits (the branch), found \(FieldText.shown(chars[bad])) at \(bad + 1)"))
        }
        return .success(IFSC(value: String(chars)))
    }
}
