import LoanMath

extension ScalarParser where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enum's words (its raw values), e.g. `monthly`; `noun` names the kind in messages, with its article (`a frequency`).
    static func word(_ noun: String) -> ScalarParser<Value> {
        let words = Value.allCases.map(\.rawValue)
        return ScalarParser(expected: "one of " + words.joined(separator: ", ")) { text, _ in
            if let value = Value(rawValue: text) { return .value(value) }
            return .problem(WordMessage.unknown(text, noun: noun, words: words))
        }
    }
}

extension ScalarParser where Value == RoundingUnit {
    /// `paise`, `rupee`, or a whole number of rupees such as `10`.
    static var roundingUnit: ScalarParser<RoundingUnit> {
        let expected = "`paise`, `rupee` or a whole number of rupees such as `10`"
        return ScalarParser(expected: expected) { text, _ in
            if let unit = RoundingUnit(parsing: text) { return .value(unit) }
            let hint = Suggestion.hint(for: text, in: ["paise", "rupee"])
            return .problem(ScalarMessage.mismatch(expected, text) + hint)
        }
    }
}

/// Wording for a word that is not one of the allowed ones.
enum WordMessage {
    /// "`montly` is not a frequency; did you mean `monthly`? Expected one of: weekly, …".
    static func unknown(_ text: String, noun: String, words: [String]) -> String {
        let hint = Suggestion.closest(to: text, in: words).map { " did you mean `\($0)`?" } ?? ""
        return "`\(text)` is not \(noun);\(hint) expected one of: " + words.joined(separator: ", ")
    }
}

extension ScalarParser where Value == AmortizationKind {
    /// An amortization word such as `equal-installment`.
    static var amortization: ScalarParser<AmortizationKind> {
        let words = AmortizationKind.allCases.map(\.word)
        return ScalarParser(expected: "one of " + words.joined(separator: ", ")) { text, _ in
            if let kind = AmortizationKind(word: text) { return .value(kind) }
            return .problem(WordMessage.unknown(text, noun: "an amortization", words: words))
        }
    }
}
