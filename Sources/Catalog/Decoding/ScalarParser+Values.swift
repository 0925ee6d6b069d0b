import LoanMath

extension ScalarParser where Value == String {
    /// Any text that is not blank.
    static var text: ScalarParser<String> {
        ScalarParser(expected: "some text") { text, key in
            DecimalText.trimmed(text).isEmpty ? .problem("`\(key)` must not be blank") : .value(text)
        }
    }

    /// A lower-case id of words joined by hyphens, such as `example`.
    static func identifier(example: String) -> ScalarParser<String> {
        let expected = "an id of lower-case words joined by hyphens, such as `\(example)`"
        return ScalarParser(expected: expected) { text, _ in
            let words = text.split(separator: "-", omittingEmptySubsequences: false)
            let valid = words.allSatisfy { word in
                !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            }
            return valid ? .value(text) : .problem(ScalarMessage.mismatch(expected, text))
        }
    }
}

extension ScalarParser where Value == Bool {
    /// `true` or `false`, nothing else (no `yes`, `on`, `1`).
    static var bool: ScalarParser<Bool> {
        ScalarParser(expected: "`true` or `false`") { text, _ in
            switch text {
            case "true": return .value(true)
            case "false": return .value(false)
            default: return .problem(ScalarMessage.mismatch("`true` or `false`", text))
            }
        }
    }
}

extension ScalarParser where Value == Int {
    /// A whole number written in digits, within `range`.
    static func integer(_ range: ClosedRange<Int>) -> ScalarParser<Int> {
        let expected = "a whole number"
        return ScalarParser(expected: expected) { text, key in
            guard DecimalText.isPlain(text), !text.contains("."), let n = Int(text) else {
                return .problem(ScalarMessage.mismatch(expected, text))
            }
            guard range.contains(n) else {
                return .problem(ScalarMessage.outOfRange(key, "\(range.lowerBound)", "\(range.upperBound)", text))
            }
            return .value(n)
        }
    }
}

extension ScalarParser where Value == Money {
    /// Rupees with at most two decimal places (`500000`, `1250.50`); no exponent, sign or grouping.
    static var money: ScalarParser<Money> {
        let expected = "an amount in rupees such as `500000` or `1250.50`"
        return ScalarParser(expected: expected) { text, key in
            if text.hasPrefix("-"), DecimalText.isPlain(text) {
                return .problem("`\(key)` must not be negative, found `\(text)`")
            }
            guard DecimalText.isPlain(text, allowsNegative: false) else {
                let ungrouped = String(text.filter { $0 != "," })
                if ungrouped != text, DecimalText.isPlain(ungrouped, allowsNegative: false) {
                    return .problem(ScalarMessage.mismatch(expected, text) + "; write amounts without commas, e.g. `\(ungrouped)`")
                }
                return .problem(ScalarMessage.mismatch(expected, text))
            }
            guard DecimalText.places(text) <= 2 else {
                return .problem("`\(text)` has more than 2 decimal places; amounts are in rupees, to the paisa")
            }
            guard let money = Money(parsing: text) else { return .problem("`\(text)` is too large for an amount") }
            return .value(money)
        }
    }
}

extension ScalarParser where Value == Rate {
    /// Rates accepted unless a field says otherwise: 0% to 100%.
    static var percentRange: ClosedRange<Rate> { Rate.zero...Rate(basisPoints: 10_000) }

    /// A percentage such as `10.5%` within `range`; a bare number is refused with a hint.
    static func rate(_ range: ClosedRange<Rate> = percentRange) -> ScalarParser<Rate> {
        let expected = "a percentage such as `10.5%`"
        return ScalarParser(expected: expected) { text, key in
            let trimmed = DecimalText.trimmed(text)
            guard trimmed.hasSuffix("%") else {
                let hint = DecimalText.isPlain(trimmed) ? "; write rates as a percentage, e.g. `10.5%`" : ""
                return .problem(ScalarMessage.mismatch(expected, text) + hint)
            }
            let number = DecimalText.trimmed(String(trimmed.dropLast()))
            guard DecimalText.isPlain(number), let rate = Rate(parsing: number + "%") else {
                return .problem(ScalarMessage.mismatch(expected, text))
            }
            guard range.contains(rate) else {
                return .problem(ScalarMessage.outOfRange(key, range.lowerBound.percentString,
                                                         range.upperBound.percentString, text))
            }
            return .value(rate)
        }
    }
}

extension ScalarParser where Value == LocalDate {
    /// An ISO date such as `2026-01-10` that exists on the calendar.
    static var date: ScalarParser<LocalDate> {
        let expected = "a date such as `2026-01-10`"
        return ScalarParser(expected: expected) { text, _ in
            if let date = LocalDate(iso: text) { return .value(date) }
            let shape = text.count == 10 && text.enumerated().allSatisfy { i, c in
                i == 4 || i == 7 ? c == "-" : (c.isASCII && c.isNumber)
            }
            return .problem(shape ? "`\(text)` is not a date on the calendar" : ScalarMessage.mismatch(expected, text))
        }
    }
}
