extension Parser {
    /// Parses a decision-table input cell: `-`, `any`, `< 700`, `700..749`, `0%..<40%`,
    /// `between 21 and 60`, `in ["a", "b"]`, `not in [...]`, or a plain value (equality).
    static func parseCell(_ source: ExpressionSource, limits: CompileLimits = .standard) -> Result<CellSyntax, Diagnostic> {
        var parser = Parser(source, limits: limits)
        do throws(Diagnostic) {
            try parser.checkLength()
            let cell = try parser.cell()
            try parser.expectEnd()
            return .success(cell)
        } catch {
            return .failure(error)
        }
    }

    private mutating func cell() throws(Diagnostic) -> CellSyntax {
        let token = current
        switch token.kind {
        case .end:
            return .any
        case .name(let word) where word.lowercased() == "any" && peek(1).kind == .end:
            advance()
            return .any
        case .symbol(.minus) where peek(1).kind == .end:
            advance()
            return .any
        case .symbol(.times) where peek(1).kind == .end:
            advance()
            return .any
        case .symbol(let symbol):
            if let op = BinaryOperator(rawValue: symbol.rawValue), op.isComparison {
                advance()
                return .comparison(op, try expression(Parser.comparisonPower))
            }
            if symbol == .singleEqual { throw failure("use '==' to compare values", at: token.range) }
        case .keyword(.between):
            advance()
            let low = try expression(Parser.comparisonPower)
            try expect(.and, "expected 'and' in 'between … and …'")
            return .range(low, try expression(Parser.comparisonPower), halfOpen: false)
        case .keyword(.in):
            advance()
            return try cellMembership(negated: false)
        case .keyword(.not) where peek(1).is(.in):
            advance()
            advance()
            return try cellMembership(negated: true)
        default:
            break
        }
        let value = try expression(0)
        if current.is(.range) || current.is(.halfOpenRange) {
            let halfOpen = advance().is(.halfOpenRange)
            return .range(value, try expression(Parser.comparisonPower), halfOpen: halfOpen)
        }
        if case .list(let items) = value.kind { return .list(items, negated: false) }
        return .equals(value)
    }

    private mutating func cellMembership(negated: Bool) throws(Diagnostic) -> CellSyntax {
        let target = try expression(Parser.comparisonPower)
        if current.is(.range) || current.is(.halfOpenRange) {
            guard !negated else { throw failure("'not in' takes a list in a table cell", at: current.range) }
            let halfOpen = advance().is(.halfOpenRange)
            return .range(target, try expression(Parser.comparisonPower), halfOpen: halfOpen)
        }
        guard case .list(let items) = target.kind else {
            throw failure("expected a list such as [\"a\", \"b\"] or a range such as 21..60 after 'in'", at: target.range)
        }
        return .list(items, negated: negated)
    }
}
