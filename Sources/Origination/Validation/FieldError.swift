/// What is wrong with one field of a party: the field's path (`pan`, `bank_account.ifsc`) and the
/// problem in words. The description never quotes the value (borrower data): at most a position
/// and the single character found there.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's path as the API names it, e.g. `aadhaar` or `address.pincode`.
    public let field: String
    /// What is wrong, without the value.
    public let problem: String

    public init(field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "`\(field)`: \(problem)" }
}

/// Helpers the validators share: trimming, character classes and position words.
enum FieldText {
    /// `text` without spaces around it.
    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" || c == "\n" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" { s = s.dropLast() }
        return String(s)
    }

    /// `text` without spaces and hyphens anywhere (as people write `2341 2341 2346`).
    static func compact(_ text: String) -> String {
        String(text.filter { $0 != " " && $0 != "-" && $0 != "\t" })
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    static func isLetter(_ c: Character) -> Bool { c.isASCII && c.isUppercase && c.isLetter }
    static func isAlphanumeric(_ c: Character) -> Bool { isDigit(c) || isLetter(c) }

    /// "1st", "2nd", "3rd", "4th", … for messages.
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// How a single offending character is shown: printable ASCII as itself, anything else as "a non-ASCII character".
    static func shown(_ c: Character) -> String {
        c.isASCII && !c.isWhitespace ? "`\(c)`" : "a character outside A–Z and 0–9"
    }
}
