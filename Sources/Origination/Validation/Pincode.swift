/// An Indian postal index number: 6 digits, the first (the postal region) from 1 to 9.
public struct Pincode: Sendable, Hashable {
    public let digits: String

    public static func parse(_ text: String, field: String = "pincode") -> Result<Pincode, FieldError> {
        let digits = FieldText.compact(text)
        guard digits.allSatisfy(FieldText.isDigit) else {
            return .failure(FieldError(field: field, "a pincode holds digits only"))
        }
        guard digits.count == 6 else {
            return .failure(FieldError(field: field, "a pincode has 6 digits, found \(digits.count)"))
        }
        guard digits.first != "0" else {
            return .failure(FieldError(field: field, "a pincode does not start with 0"))
        }
        return .success(Pincode(digits: digits))
    }
}
