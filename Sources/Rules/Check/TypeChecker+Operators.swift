extension TypeChecker {
    func binary(_ op: BinaryOperator, _ left: Syntax, _ right: Syntax, _ r: SourceRange) -> TypedExpression? {
        let l = check(left), rr = check(right)
        guard let l, let rr else { return nil }
        if op.isLogical {
            for (side, syntax) in [(l, left), (rr, right)] where side.type != .bool {
                return error("'\(op.rawValue)' needs bool values on both sides, but this is \(article(side.type))", at: syntax.range)
            }
            return fold(node(op == .and ? .and(l, rr) : .or(l, rr), .bool, r))
        }
        if op.isComparison { return comparison(op, l, rr, left.range, right.range, r) }
        return arithmetic(op, l, rr, left.range, right.range, r)
    }

    private func comparison(_ op: BinaryOperator, _ l: TypedExpression, _ rr: TypedExpression,
                            _ lr: SourceRange, _ rightRange: SourceRange, _ r: SourceRange) -> TypedExpression? {
        guard let (a, b) = harmonize(l, rr, lr, rightRange) else { return nil }
        let ordered = op != .equal && op != .notEqual
        guard comparable(a.type, b.type, ordered: ordered) else {
            return error("cannot compare \(article(a.type)) with \(article(b.type)) using '\(op.rawValue)'"
                         + moneyHint(a.type, b.type), at: r)
        }
        return fold(node(.comparison(op, a, b), .bool, r))
    }

    /// `; write amounts as ₹25000` when one side is money and the other a plain number.
    func moneyHint(_ a: RuleType, _ b: RuleType) -> String {
        if (a == .money && b.isNumber) || (b == .money && a.isNumber) { return "; write an amount as ₹25000" }
        if (a == .date && b == .string) || (b == .date && a == .string) { return "; write a date as 2026-01-31" }
        return ""
    }

    private func arithmetic(_ op: BinaryOperator, _ l: TypedExpression, _ rr: TypedExpression,
                            _ lr: SourceRange, _ rightRange: SourceRange, _ r: SourceRange) -> TypedExpression? {
        guard let (type, fractional) = TypeChecker.arithmeticResult(op, l, rr) else {
            var hint = ""
            if l.type == .date || rr.type == .date { hint = "; use add_days, add_months or days_between for dates" }
            if (op == .add || op == .subtract), (l.type == .rate && rr.type.isNumber) || (rr.type == .rate && l.type.isNumber) {
                hint = "; write the number as a percentage, e.g. 1.5%"
            }
            hint = hint.isEmpty ? moneyHint(l.type, rr.type) : hint
            return error("cannot apply '\(op.rawValue)' to \(article(l.type)) and \(article(rr.type))" + hint, at: r)
        }
        if op == .divide, let divisor = rr.constant, divisor.decimalValue?.isZero == true {
            return error("division by zero", at: rightRange)
        }
        var typed = node(.arithmetic(op, l, rr), type, r)
        typed.fractionalPaise = fractional
        return fold(typed)
    }

    /// The result type of `l op r`, and whether a money result may hold fractions of a paisa.
    ///
    /// Numbers mix freely (integer with integer stays integer except for `/`). Money adds to money;
    /// money times or divided by a number or rate is money (exact, possibly fractional paise); money
    /// divided by money is a decimal. Rates add to rates; a rate times a number is a rate; rate
    /// divided by rate is a decimal. Strings join with `+`.
    static func arithmeticResult(_ op: BinaryOperator, _ l: TypedExpression, _ r: TypedExpression) -> (RuleType, Bool)? {
        let a = l.type, b = r.type
        let anyFraction = l.fractionalPaise || r.fractionalPaise
        switch op {
        case .add, .subtract:
            if a == .integer && b == .integer { return (.integer, false) }
            if a.isNumber && b.isNumber { return (.decimal, false) }
            if a == .money && b == .money { return (.money, anyFraction) }
            if a == .rate && b == .rate { return (.rate, false) }
            if op == .add && a == .string && b == .string { return (.string, false) }
            return nil
        case .multiply:
            if a == .integer && b == .integer { return (.integer, false) }
            if a.isNumber && b.isNumber { return (.decimal, false) }
            if a == .money && (b.isNumber || b == .rate) { return (.money, anyFraction || b != .integer) }
            if b == .money && (a.isNumber || a == .rate) { return (.money, anyFraction || a != .integer) }
            if (a == .rate && b.isNumber) || (b == .rate && a.isNumber) { return (.rate, false) }
            return nil
        case .divide:
            if a.isNumber && b.isNumber { return (.decimal, false) }
            if a == .money && (b.isNumber || b == .rate) { return (.money, true) }
            if a == .money && b == .money { return (.decimal, false) }
            if a == .rate && b.isNumber { return (.rate, false) }
            if a == .rate && b == .rate { return (.decimal, false) }
            return nil
        default:
            return nil
        }
    }

    func range(_ valueSyntax: Syntax, _ lowSyntax: Syntax, _ highSyntax: Syntax, halfOpen: Bool, negated: Bool,
               _ r: SourceRange) -> TypedExpression? {
        let value = check(valueSyntax), low = check(lowSyntax), high = check(highSyntax)
        guard let value, let low, let high else { return nil }
        for (bound, syntax) in [(low, lowSyntax), (high, highSyntax)] where !comparable(value.type, bound.type, ordered: true) {
            return error("cannot compare \(article(value.type)) with \(article(bound.type)) in a range"
                         + moneyHint(value.type, bound.type), at: syntax.range)
        }
        if let problem = TypeChecker.emptyRange(low.constant, high.constant, halfOpen: halfOpen) {
            return error(problem, at: lowSyntax.range.union(highSyntax.range))
        }
        return fold(node(.inRange(value, low, high, halfOpen: halfOpen, negated: negated), .bool, r))
    }

    /// A message when constant bounds leave nothing in the range.
    static func emptyRange(_ low: Value?, _ high: Value?, halfOpen: Bool) -> String? {
        guard let low, let high, let order = ValueOrder.compare(low, high) else { return nil }
        if order > 0 { return "range is empty: \(low) is above \(high)" }
        if order == 0 && halfOpen { return "range is empty: \(low)..<\(high) excludes its only value" }
        return nil
    }

    func membership(_ valueSyntax: Syntax, _ target: Syntax, negated: Bool, _ r: SourceRange) -> TypedExpression? {
        if case .range(let low, let high, let halfOpen) = target.kind {
            return range(valueSyntax, low, high, halfOpen: halfOpen, negated: negated, r)
        }
        let value = check(valueSyntax), list = check(target)
        guard var value, var list else { return nil }
        guard let element = list.type.listElement else {
            return error("'in' needs a list such as [1, 2] or a range such as 21..60, but this is \(article(list.type))",
                         at: target.range)
        }
        if let e = value.type.enumType, element == .string {
            guard case .done(let c) = coerce(list, to: .list(.enumeration(e)), target.range) else {
                if list.constant == nil { return error("cannot look for \(article(value.type)) in \(article(list.type))", at: r) }
                return nil
            }
            list = c
        } else if value.type == .integer && element == .decimal {
            value = value.with(.toDecimal(value), type: .decimal)
        } else if value.type == .decimal && element == .integer {
            guard case .done(let c) = coerce(list, to: .list(.decimal), target.range) else {
                return error("cannot look for \(article(value.type)) in \(article(list.type))", at: r)
            }
            list = c
        }
        guard let listElement = list.type.listElement, comparable(value.type, listElement, ordered: false) else {
            return error("cannot look for \(article(value.type)) in \(article(list.type))", at: r)
        }
        return fold(node(.inList(value, list, negated: negated), .bool, r))
    }
}
