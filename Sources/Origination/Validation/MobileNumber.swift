/// An Indian mobile number: 10 digits starting 6, 7, 8 or 9 (TRAI's numbering plan), written with or
/// without `+91`/`0` in front and with spaces or hyphens.
public struct MobileNumber: Sendable, Hashable {
    /// The ten digits.
    public let digits: String

    public static func parse(_ text: String, field: String = "mobile") -> Result<MobileNumber, FieldError> {
        var digits = FieldText.compact(text)
        if digits.hasPrefix("+91") { digits.removeFirst(3) } else if digits.count == 11, digits.hasPrefix("0") {
            digits.removeFirst()
        } else if digits.count == 12, digits.hasPrefix("91") {
            digits.removeFirst(2)
        }
        guard digits.allSatisfy(FieldText.isDigit) else {
            return .failure(FieldError(field: field, "a mobile number holds digits only (with +91 in front at most)"))
        }
        guard digits.count == 10 else {
            return .failure(FieldError(field: field, "an Indian mobile number has 10 digits, found \(digits.count)"))
        }
        guard let first = digits.first, "6789".contains(first) else {
            return .failure(FieldError(field: field, "an Indian mobile number starts with 6, 7, 8 or 9"))
        }
        return .success(MobileNumber(digits: digits))
    }
}
