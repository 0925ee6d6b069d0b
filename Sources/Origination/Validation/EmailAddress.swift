/// An e-mail address, checked for shape only: one `@`, a local part of at most 64 characters without
/// spaces, a domain of dot-separated labels (letters, digits, hyphens) with at least one dot.
public struct EmailAddress: Sendable, Hashable {
    /// The address; the domain in lower case.
    public let value: String

    public static let maxLength = 254

    public static func parse(_ text: String, field: String = "email") -> Result<EmailAddress, FieldError> {
        let address = FieldText.trimmed(text)
        guard address.count <= maxLength else {
            return .failure(FieldError(field: field, "an e-mail address has at most \(maxLength) characters, found \(address.count)"))
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .failure(FieldError(field: field, "an e-mail address has exactly one `@`, found \(parts.count - 1)"))
        }
        let local = parts[0], domain = parts[1].lowercased()
        guard !local.isEmpty, local.count <= 64 else {
            return .failure(FieldError(field: field, "the part before `@` has 1 to 64 characters, found \(local.count)"))
        }
        guard local.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\"" }) else {
            return .failure(FieldError(field: field, "the part before `@` may not hold spaces, quotes or non-ASCII characters"))
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else {
            return .failure(FieldError(field: field, "the domain after `@` needs at least one dot, as in example.in"))
        }
        let labelCharacters: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(labelCharacters) && $0.first != "-" && $0.last != "-" })
        else {
            return .failure(FieldError(field: field, "the domain after `@` is made of letters, digits and hyphens between dots"))
        }
        return .success(EmailAddress(value: local + "@" + domain))
    }
}
