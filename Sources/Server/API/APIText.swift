import LoanMath

/// The API's text forms of amounts and dates: "1234.50" and "2026-01-31", exact both ways.
enum APIText {
    /// Rupees as a plain decimal with at most two places: digits, an optional point and 1–2 digits.
    static func money(_ text: String) -> Money? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...15).contains(whole.count),
            whole.allSatisfy(\.isASCIIDigit)
        else { return nil }
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        }
        return Money(parsing: text)
    }

    /// Business dates the API accepts: a limit on how far any date-driven work can reach.
    static let years = 1900...2199

    /// A real calendar date written exactly as YYYY-MM-DD, in `years`.
    static func date(_ text: String) -> LocalDate? {
        guard let date = LocalDate(iso: text), date.iso == text, years.contains(date.year) else { return nil }
        return date
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
