import LoanMath

/// A word of the expression language.
enum Keyword: String, Sendable {
    case and, or, not, `in`, between, `true`, `false`
}

/// Punctuation and operators.
enum Symbol: String, Sendable {
    case plus = "+", minus = "-", times = "*", divide = "/"
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case comma = ",", dot = ".", range = "..", halfOpenRange = "..<"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case singleEqual = "="
}

/// What a token is.
enum TokenKind: Equatable, Sendable {
    case integer(Int64)
    case decimal(ExactDecimal)
    /// `55%`: the number before the sign (55).
    case percent(ExactDecimal)
    /// `₹50000`: rupees.
    case money(ExactDecimal)
    case date(LocalDate)
    case string(String)
    case name(String)
    case keyword(Keyword)
    case symbol(Symbol)
    /// Text that is not a token; the message says why.
    case invalid(String)
    case end
}

/// One token and where it sits in the expression's text.
struct Token: Equatable, Sendable {
    var kind: TokenKind
    var range: SourceRange

    func `is`(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
    func `is`(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }

    /// How the token reads in a message.
    var quoted: String {
        switch kind {
        case .integer(let v): return "'\(v)'"
        case .decimal(let v): return "'\(v)'"
        case .percent(let v): return "'\(v)%'"
        case .money(let v): return "'₹\(v)'"
        case .date(let d): return "'\(d.iso)'"
        case .string: return "a string"
        case .name(let n): return "'\(n)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .invalid: return "invalid text"
        case .end: return "the end of the expression"
        }
    }
}
