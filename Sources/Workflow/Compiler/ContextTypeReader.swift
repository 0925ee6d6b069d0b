import Rules

/// Reads the declared type of a context input: `bool`, `integer`, `decimal`, `money`, `rate`,
/// `date`, `string`, `enum(a, b, c)`, `list<T>` or `list of T` — the spelling the rules language
/// uses for policy inputs.
struct ContextTypeReader {
    static let primitives: [String: RuleType] = [
        "bool": .bool, "boolean": .bool, "integer": .integer, "int": .integer, "decimal": .decimal,
        "money": .money, "rate": .rate, "percent": .rate, "date": .date, "string": .string, "text": .string,
    ]

    private let source: ExpressionSource
    /// The input the type declares: an inline `enum(…)` takes its name.
    private let inputName: String
    private let tokens: [TypeToken]
    private var index = 0

    /// The type `source` names for the input `inputName`, or the reason it names none.
    static func read(_ source: ExpressionSource, inputName: String) -> Result<RuleType, Diagnostic> {
        var reader = ContextTypeReader(source: source, inputName: inputName, tokens: TypeToken.split(source.text))
        do throws(Diagnostic) {
            let type = try reader.type(depth: 0)
            guard reader.current.kind == .end else {
                throw reader.error("unexpected `\(reader.current.text)` after the type")
            }
            return .success(type)
        } catch {
            return .failure(error)
        }
    }

    private init(source: ExpressionSource, inputName: String, tokens: [TypeToken]) {
        self.source = source
        self.inputName = inputName
        self.tokens = tokens
    }

    private mutating func type(depth: Int) throws(Diagnostic) -> RuleType {
        guard depth < 4 else { throw error("the type nests too deeply") }
        let word = current
        guard word.kind == .word else { throw error("expected a type such as money, integer or enum(a, b)") }
        index += 1
        if let primitive = ContextTypeReader.primitives[word.text] { return primitive }
        switch word.text {
        case "list" where current.text == "<":
            index += 1
            let element = try type(depth: depth + 1)
            guard current.text == ">" else { throw error("expected `>` to close `list<…>`") }
            index += 1
            return .list(element)
        case "list" where current.text == "of":
            index += 1
            return .list(try type(depth: depth + 1))
        case "enum" where current.text == "(":
            index += 1
            return try enumeration()
        case "list":
            index -= 1
            throw error("write a list type as `list<money>` or `list of money`")
        case "enum":
            index -= 1
            throw error("write an enum as `enum(first_value, second_value)`")
        default:
            index -= 1
            let known = ContextTypeReader.primitives.keys.sorted() + ["enum(…)", "list<…>"]
            throw error("unknown type `\(word.text)`" + NameHint.orList(for: word.text, among: known, noun: "types"))
        }
    }

    private mutating func enumeration() throws(Diagnostic) -> RuleType {
        var values: [String] = []
        while true {
            guard current.kind == .word || current.kind == .quoted else { throw error("expected an enum value") }
            guard !values.contains(current.text) else { throw error("`\(current.text)` is listed twice") }
            values.append(current.text)
            index += 1
            if current.text == ")" && current.kind == .symbol { break }
            guard current.text == "," && current.kind == .symbol else { throw error("expected `,` or `)`") }
            index += 1
        }
        index += 1
        return .enumeration(EnumType(name: inputName, values: values))
    }

    private var current: TypeToken { tokens[min(index, tokens.count - 1)] }

    private func error(_ message: String) -> Diagnostic {
        let token = current
        return Diagnostic(.error, at: source.map.location(at: token.start), message, length: token.length)
    }
}

/// A word, quoted value or symbol of a type's text, with its offset in Unicode scalars.
struct TypeToken: Hashable {
    enum Kind { case word, quoted, symbol, end }
    var kind: Kind
    var text: String
    var start: Int
    var length: Int

    /// The tokens of `text`, ending with `.end`.
    static func split(_ text: String) -> [TypeToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [TypeToken] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" { i += 1; continue }
            let start = i
            if isWordPart(c) {
                while i < scalars.count, isWordPart(scalars[i]) { i += 1 }
                tokens.append(TypeToken(kind: .word, text: string(scalars[start..<i]), start: start, length: i - start))
            } else if c == "'" || c == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != c { i += 1 }
                let body = string(scalars[(start + 1)..<min(i, scalars.count)])
                i = min(i + 1, scalars.count)
                tokens.append(TypeToken(kind: .quoted, text: body, start: start, length: i - start))
            } else {
                i += 1
                tokens.append(TypeToken(kind: .symbol, text: String(c), start: start, length: 1))
            }
        }
        tokens.append(TypeToken(kind: .end, text: "end of text", start: max(0, scalars.count - 1), length: 1))
        return tokens
    }

    private static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
