/// A day of the week as written in calendar files; the raw value is the ISO number (Monday = 1).
enum Weekday: Int, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The word written in files: `monday` … `sunday`.
    var word: String { String(describing: self) }

    /// Reads a weekday word.
    static var parser: ScalarParser<Weekday> {
        let words = allCases.map(\.word)
        return ScalarParser(expected: "a day of the week such as `sunday`") { text, _ in
            if let day = allCases.first(where: { $0.word == text }) { return .value(day) }
            return .problem(WordMessage.unknown(text, noun: "a day of the week", words: words))
        }
    }
}
