/// A bank account number as Indian banks issue them: 9 to 18 digits.
public struct BankAccountNumber: Sendable, Hashable {
    public let digits: String

    public static let lengths = 9...18

    public static func parse(_ text: String, field: String = "account_number") -> Result<BankAccountNumber, FieldError> {
        let digits = FieldText.compact(text)
        guard digits.allSatisfy(FieldText.isDigit) else {
            return .failure(FieldError(field: field, "an account number holds digits only"))
        }
        guard lengths.contains(digits.count) else {
            return .failure(FieldError(field: field, "an account number has \(lengths.lowerBound) to \(lengths.upperBound) digits, found \(digits.count)"))
        }
        return .success(BankAccountNumber(digits: digits))
    }
}
