/// Reads one kind of value strictly from a scalar's text, or says what is wrong with it.
struct ScalarParser<Value: Sendable> {
    /// The outcome of reading one scalar.
    enum Outcome {
        case value(Value)
        /// What is wrong, as a full message.
        case problem(String)
    }

    /// What the writer should have written, for messages: "a percentage such as `10.5%`".
    let expected: String
    /// Reads `text`, the scalar of the key `key` (the key names the field in messages).
    let read: (_ text: String, _ key: String) -> Outcome

    init(expected: String, read: @escaping (_ text: String, _ key: String) -> Outcome) {
        self.expected = expected
        self.read = read
    }

    /// The same parser, also requiring `isValid` of the value, else the message `problem` gives.
    func checking(_ isValid: @escaping (Value) -> Bool, _ problem: @escaping (_ text: String, _ key: String) -> String)
        -> ScalarParser<Value> {
        let inner = read
        return ScalarParser(expected: expected) { text, key in
            switch inner(text, key) {
            case .value(let v): return isValid(v) ? .value(v) : .problem(problem(text, key))
            case .problem(let p): return .problem(p)
            }
        }
    }
}

/// Wording shared by the scalar parsers.
enum ScalarMessage {
    /// "expected a percentage such as `10.5%`, found `abc`".
    static func mismatch(_ expected: String, _ text: String) -> String {
        "expected \(expected), found `\(text)`"
    }

    /// "`tenure` must be from 1 to 2600, found `0`".
    static func outOfRange(_ key: String, _ low: String, _ high: String, _ text: String) -> String {
        "`\(key)` must be from \(low) to \(high), found `\(text)`"
    }
}

/// Plain decimal numerals: digits, at most one point with digits after it, an optional minus.
enum DecimalText {
    /// Whether `text` is `123`, `-1.5`, `0.05` and not `1e5`, `1_000`, `+3`, `.5` or `5.`.
    static func isPlain(_ text: String, allowsNegative: Bool = true) -> Bool {
        var body = Substring(text)
        if body.first == "-" {
            guard allowsNegative else { return false }
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Decimal places written after the point.
    static func places(_ text: String) -> Int {
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
