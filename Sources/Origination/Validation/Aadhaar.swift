/// An Aadhaar number as entered: 12 digits, the first not 0 or 1, the last a Verhoeff check digit
/// (UIDAI's numbering scheme). Lives only in memory while a party is created: the store keeps a
/// reference token and the last four digits, never the number (see `AadhaarVault`).
public struct AadhaarNumber: Sendable, Hashable {
    /// The twelve digits.
    public let digits: String

    /// The last four digits, which may be kept and shown.
    public var lastFour: String { String(digits.suffix(4)) }

    /// The number in `text` (spaces and hyphens between groups are accepted), or what is wrong with it.
    public static func parse(_ text: String, field: String = "aadhaar") -> Result<AadhaarNumber, FieldError> {
        let digits = FieldText.compact(text)
        guard digits.allSatisfy(FieldText.isDigit) else {
            return .failure(FieldError(field: field, "an Aadhaar number holds digits only"))
        }
        guard digits.count == 12 else {
            return .failure(FieldError(field: field, "an Aadhaar number has 12 digits, found \(digits.count)"))
        }
        guard let first = digits.first, first != "0", first != "1" else {
            return .failure(FieldError(field: field, "an Aadhaar number does not start with 0 or 1"))
        }
        guard Verhoeff.isValid(digits) else {
            return .failure(FieldError(field: field, "the last digit of an Aadhaar number does not match its Verhoeff check digit; the number is mistyped"))
        }
        return .success(AadhaarNumber(digits: digits))
    }
}

extension AadhaarNumber: CustomStringConvertible, CustomDebugStringConvertible {
    /// Masked: an Aadhaar number never reaches a log whole.
    public var description: String { "XXXX XXXX \(lastFour)" }
    public var debugDescription: String { description }
}
