/// A Pratt parser for the expression language. Stops at the first syntax error in an expression and
/// reports it as a diagnostic; never recurses deeper than `CompileLimits.maxDepth`.
///
/// Precedence, loosest first: `or` < `and` < `not` < comparisons (`== != < <= > >=`, `in`, `not in`,
/// `between … and …`; not chainable) < `+ -` < `* /` < unary `-` < field access `a.b`.
struct Parser {
    let source: ExpressionSource
    let limits: CompileLimits
    var tokens: [Token]
    var index = 0
    var depth = 0
    var nodeCount = 0

    init(_ source: ExpressionSource, limits: CompileLimits) {
        self.source = source
        self.limits = limits
        tokens = Lexer.tokens(source.text)
    }

    /// Parses a whole expression.
    static func parse(_ source: ExpressionSource, limits: CompileLimits = .standard) -> Result<Syntax, Diagnostic> {
        var parser = Parser(source, limits: limits)
        do throws(Diagnostic) {
            try parser.checkLength()
            let syntax = try parser.expression(0)
            try parser.expectEnd()
            return .success(syntax)
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Expressions

    mutating func expression(_ minPower: Int) throws(Diagnostic) -> Syntax {
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maxDepth {
            throw failure("expression nests too deeply (more than \(limits.maxDepth) levels)", at: current.range)
        }
        var left = try prefix()
        while true {
            let token = current
            guard let power = Parser.infixPower(token, next: peek(1)), power > minPower else {
                if token.is(.singleEqual), minPower < 4 {
                    throw failure("use '==' to compare values", at: token.range)
                }
                return left
            }
            left = try infix(left, power: power)
            if power == Parser.comparisonPower, let next = Parser.infixPower(current, next: peek(1)),
               next == Parser.comparisonPower {
                throw failure("comparisons cannot be chained; join them with 'and'", at: current.range)
            }
        }
    }

    static let comparisonPower = 4

    static func infixPower(_ token: Token, next: Token) -> Int? {
        switch token.kind {
        case .keyword(.or): return 1
        case .keyword(.and): return 2
        case .keyword(.in), .keyword(.between): return comparisonPower
        case .keyword(.not): return next.is(.in) || next.is(.between) ? comparisonPower : nil
        case .symbol(let s):
            switch s {
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return comparisonPower
            case .plus, .minus: return 5
            case .times, .divide: return 6
            case .dot: return 8
            default: return nil
            }
        default: return nil
        }
    }

    private mutating func infix(_ left: Syntax, power: Int) throws(Diagnostic) -> Syntax {
        let token = advance()
        switch token.kind {
        case .keyword(.or): return try binary(.or, left, expression(power))
        case .keyword(.and): return try binary(.and, left, expression(power))
        case .keyword(.in): return try membership(left, negated: false)
        case .keyword(.not):
            if advance().is(.between) {
                let between = try self.between(left)
                return try node(.not(between), between.range)
            }
            return try membership(left, negated: true)
        case .keyword(.between):
            return try between(left)
        case .symbol(.dot):
            let nameToken = advance()
            guard case .name(let field) = nameToken.kind else {
                throw failure("expected a field name after '.', found \(nameToken.quoted)", at: nameToken.range)
            }
            return try node(.field(left, field), left.range.union(nameToken.range))
        case .symbol(let symbol):
            guard let op = BinaryOperator(rawValue: symbol.rawValue) else {
                throw failure("unexpected \(token.quoted)", at: token.range)
            }
            return try binary(op, left, expression(power))
        default:
            throw failure("unexpected \(token.quoted)", at: token.range)
        }
    }

    private mutating func between(_ left: Syntax) throws(Diagnostic) -> Syntax {
        let low = try expression(Parser.comparisonPower)
        try expect(.and, "expected 'and' in 'between … and …'")
        let high = try expression(Parser.comparisonPower)
        return try node(.between(left, low, high), left.range.union(high.range))
    }

    private mutating func membership(_ left: Syntax, negated: Bool) throws(Diagnostic) -> Syntax {
        let target = try expression(Parser.comparisonPower)
        if current.is(.range) || current.is(.halfOpenRange) {
            let halfOpen = advance().is(.halfOpenRange)
            let high = try expression(Parser.comparisonPower)
            let range = try node(.range(target, high, halfOpen: halfOpen), target.range.union(high.range))
            return try node(.membership(left, range, negated: negated), left.range.union(range.range))
        }
        return try node(.membership(left, target, negated: negated), left.range.union(target.range))
    }

    private mutating func binary(_ op: BinaryOperator, _ l: Syntax, _ r: Syntax) throws(Diagnostic) -> Syntax {
        try node(.binary(op, l, r), l.range.union(r.range))
    }

    private mutating func prefix() throws(Diagnostic) -> Syntax {
        let token = advance()
        switch token.kind {
        case .integer(let v): return try node(.integer(v), token.range)
        case .decimal(let v): return try node(.decimal(v), token.range)
        case .percent(let v): return try node(.percent(v), token.range)
        case .money(let v): return try node(.money(v), token.range)
        case .date(let v): return try node(.date(v), token.range)
        case .string(let v): return try node(.string(v), token.range)
        case .keyword(.true): return try node(.bool(true), token.range)
        case .keyword(.false): return try node(.bool(false), token.range)
        case .keyword(.not):
            let operand = try expression(3)
            return try node(.not(operand), token.range.union(operand.range))
        case .symbol(.minus):
            let operand = try expression(7)
            return try node(.negate(operand), token.range.union(operand.range))
        case .symbol(.leftParen):
            var inner = try expression(0)
            let closing = current.range
            try expect(.rightParen, "expected ')'")
            inner.range = token.range.union(closing)
            return inner
        case .symbol(.leftBracket):
            let (items, end) = try sequence(closing: .rightBracket, what: "list")
            guard !items.isEmpty else { throw failure("a list needs at least one item", at: token.range) }
            return try node(.list(items), token.range.union(end))
        case .name(let name):
            guard current.is(.leftParen) else { return try node(.name(name), token.range) }
            advance()
            let (arguments, end) = try sequence(closing: .rightParen, what: "argument list")
            return try node(.call(name, arguments), token.range.union(end))
        case .invalid(let message):
            throw failure(message, at: token.range)
        case .end:
            throw failure("expected a value, found the end of the expression", at: token.range)
        default:
            throw failure("expected a value, found \(token.quoted)", at: token.range)
        }
    }

    /// Comma-separated expressions up to `closing`; returns them and the closing token's range.
    private mutating func sequence(closing: Symbol, what: String) throws(Diagnostic) -> ([Syntax], SourceRange) {
        var items: [Syntax] = []
        if current.is(closing) { return (items, advance().range) }
        while true {
            items.append(try expression(0))
            let token = advance()
            if token.is(closing) { return (items, token.range) }
            guard token.is(.comma) else {
                throw failure("expected ',' or '\(closing.rawValue)' in \(what), found \(token.quoted)", at: token.range)
            }
        }
    }

    // MARK: - Tokens

    var current: Token { tokens[min(index, tokens.count - 1)] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func expect(_ symbol: Symbol, _ message: String) throws(Diagnostic) {
        guard current.is(symbol) else { throw failure(message + ", found \(current.quoted)", at: current.range) }
        advance()
    }

    mutating func expect(_ keyword: Keyword, _ message: String) throws(Diagnostic) {
        guard current.is(keyword) else { throw failure(message + ", found \(current.quoted)", at: current.range) }
        advance()
    }

    mutating func expectEnd() throws(Diagnostic) {
        guard current.kind == .end else {
            if case .invalid(let message) = current.kind { throw failure(message, at: current.range) }
            if current.is(.range) || current.is(.halfOpenRange) {
                throw failure("a range such as 21..60 can only follow 'in' or stand in a table cell", at: current.range)
            }
            throw failure("unexpected \(current.quoted) after a complete expression", at: current.range)
        }
    }

    func checkLength() throws(Diagnostic) {
        let length = source.text.unicodeScalars.count
        if length > limits.maxExpressionLength {
            throw failure("expression is too long (\(length) characters, at most \(limits.maxExpressionLength))",
                          at: SourceRange(start: 0, end: 1))
        }
    }

    mutating func node(_ kind: Syntax.Kind, _ range: SourceRange) throws(Diagnostic) -> Syntax {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw failure("expression is too large (more than \(limits.maxNodes) parts); split it into derived values",
                          at: range)
        }
        return Syntax(kind: kind, range: range)
    }

    func failure(_ message: String, at range: SourceRange) -> Diagnostic {
        source.diagnostic(message, at: range)
    }
}
