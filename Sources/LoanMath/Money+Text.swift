extension Money: CustomStringConvertible {
    /// The amount as a plain decimal string with the currency's places: `"1234.50"`, `"-0.05"`.
    public var decimalString: String {
        let per = currency.minorUnitsPerMajor
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(per)
        var text = (minorUnits < 0 ? "-" : "") + String(whole)
        if currency.minorUnitDigits > 0 {
            let fraction = String(magnitude % UInt64(per))
            text += "." + String(repeating: "0", count: currency.minorUnitDigits - fraction.count) + fraction
        }
        return text
    }

    /// The amount grouped the Indian way with the rupee sign: `₹5,00,000.00`.
    public var indianFormatted: String {
        let text = decimalString
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var digits = String(parts[0])
        var groups: [String] = []
        if digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
            while digits.count > 2 {
                groups.insert(String(digits.suffix(2)), at: 0)
                digits = String(digits.dropLast(2))
            }
        }
        if !digits.isEmpty { groups.insert(digits, at: 0) }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        let symbol = currency == .inr ? "₹" : currency.code + " "
        return (negative ? "-" : "") + symbol + groups.joined(separator: ",") + fraction
    }

    public var description: String { decimalString + " " + currency.code }

    /// Parses a plain decimal amount such as `500000`, `1234.5` or `-0.05`; `nil` if the text is not
    /// a number or has more decimal places than the currency allows (it would not be exact).
    public init?(parsing text: String, currency: Currency = .inr) {
        guard let decimal = ExactDecimal(parsing: text), decimal.scale <= currency.minorUnitDigits else {
            return nil
        }
        let minor = decimal.rescaled(to: currency.minorUnitDigits)
        guard let value = Int64(exactly: minor.significand) else { return nil }
        self.init(minorUnits: value, currency: currency)
    }
}
