/// Reads a declared type: `integer`, `money`, `list<tradeline>`, `list of money`,
/// `enum(salaried, self_employed)` or the name of a declared record or enum type.
struct TypeParser {
    static let primitives: [String: RuleType] = [
        "bool": .bool, "boolean": .bool, "integer": .integer, "int": .integer, "decimal": .decimal,
        "money": .money, "rate": .rate, "percent": .rate, "date": .date, "string": .string, "text": .string,
    ]

    let source: ExpressionSource
    let named: [String: RuleType]
    /// Name given to an inline `enum(…)`: the input it declares.
    let contextName: String
    var tokens: [Token]
    var index = 0

    /// The type `source` names, or the reason it names none.
    static func parse(_ source: ExpressionSource, named: [String: RuleType], contextName: String) -> Result<RuleType, Diagnostic> {
        var parser = TypeParser(source: source, named: named, contextName: contextName, tokens: Lexer.tokens(source.text))
        do throws(Diagnostic) {
            guard source.text.unicodeScalars.count <= 1_000 else {
                throw source.diagnostic("type is too long", at: SourceRange(start: 0, end: 1))
            }
            let type = try parser.type(depth: 0)
            if parser.current.kind != .end {
                throw source.diagnostic("unexpected \(parser.current.quoted) after the type", at: parser.current.range)
            }
            return .success(type)
        } catch {
            return .failure(error)
        }
    }

    private mutating func type(depth: Int) throws(Diagnostic) -> RuleType {
        let token = advance()
        guard depth < 8 else { throw source.diagnostic("type nests too deeply", at: token.range) }
        guard case .name(let word) = token.kind else {
            throw source.diagnostic("expected a type such as integer, money or list<money>, found \(token.quoted)", at: token.range)
        }
        if let primitive = TypeParser.primitives[word.lowercased()] { return primitive }
        if let declared = named[word] { return declared }
        switch word.lowercased() {
        case "list":
            if current.is(.less) {
                advance()
                let element = try type(depth: depth + 1)
                guard current.is(.greater) else {
                    throw source.diagnostic("expected '>' to close list<…>, found \(current.quoted)", at: current.range)
                }
                advance()
                return .list(element)
            }
            if case .name(let of) = current.kind, of.lowercased() == "of" {
                advance()
                return .list(try type(depth: depth + 1))
            }
            throw source.diagnostic("write a list type as list<money> or list of money", at: token.range)
        case "enum":
            return try enumeration(at: token)
        default:
            let candidates = Array(TypeParser.primitives.keys) + Array(named.keys) + ["list", "enum"]
            throw source.diagnostic("unknown type '\(word)'" + NameSuggestion.hint(for: word, among: candidates), at: token.range)
        }
    }

    private mutating func enumeration(at keyword: Token) throws(Diagnostic) -> RuleType {
        guard current.is(.leftParen) else {
            throw source.diagnostic("write an enum as enum(first_value, second_value)", at: keyword.range)
        }
        advance()
        var values: [String] = []
        while true {
            let token = advance()
            switch token.kind {
            case .name(let v), .string(let v):
                if values.contains(v) { throw source.diagnostic("'\(v)' is listed twice", at: token.range) }
                values.append(v)
            default:
                throw source.diagnostic("expected an enum value, found \(token.quoted)", at: token.range)
            }
            let separator = advance()
            if separator.is(.rightParen) { break }
            guard separator.is(.comma) else {
                throw source.diagnostic("expected ',' or ')', found \(separator.quoted)", at: separator.range)
            }
        }
        return .enumeration(EnumType(name: contextName, values: values))
    }

    private var current: Token { tokens[min(index, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }
}

extension RuleType {
    /// Reads a declared type such as `integer`, `money`, `list<tradeline>`, `list of money` or
    /// `enum(salaried, self_employed)`; `named` holds the policy's declared record and enum types,
    /// and an inline enum takes `contextName` (the input it declares) as its name.
    public static func parse(_ source: ExpressionSource, named: [String: RuleType] = [:],
                             contextName: String) -> Result<RuleType, Diagnostic> {
        TypeParser.parse(source, named: named, contextName: contextName)
    }
}
