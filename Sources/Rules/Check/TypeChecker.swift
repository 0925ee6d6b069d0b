import LoanMath

/// Checks one parsed expression against the names in scope and produces a typed expression.
/// Reports every error it finds (not only the first) and returns nil when any part is wrong;
/// constant parts are evaluated now, so `x / 0` and `60..21` are compile errors.
final class TypeChecker {
    let source: ExpressionSource
    let scope: NameScope
    let context: CheckContext
    /// List-function elements in scope, innermost last.
    var elements: [(type: RuleType, slot: Int)] = []

    init(source: ExpressionSource, scope: NameScope, context: CheckContext) {
        self.source = source
        self.scope = scope
        self.context = context
    }

    // MARK: - Entry points

    /// Parses and checks `source` as an expression; nil after reporting errors.
    static func check(_ source: ExpressionSource, scope: NameScope, context: CheckContext,
                      expecting expected: RuleType? = nil, what: String = "expression") -> TypedExpression? {
        switch Parser.parse(source, limits: context.limits) {
        case .failure(let diagnostic):
            context.report(diagnostic)
            return nil
        case .success(let syntax):
            let checker = TypeChecker(source: source, scope: scope, context: context)
            guard let typed = checker.check(syntax) else { return nil }
            guard let expected else { return typed }
            return checker.expect(typed, expected, syntax.range, what: what)
        }
    }

    /// `typed` as a value of `expected` (an integer becomes a decimal, a string an enum value), or an error.
    func expect(_ typed: TypedExpression, _ expected: RuleType, _ range: SourceRange, what: String) -> TypedExpression? {
        switch coerce(typed, to: expected, range) {
        case .done(let coerced): return coerced
        case .failed: return nil
        case .mismatch: return error("\(what) must be \(article(expected)), but this is \(article(typed.type))", at: range)
        }
    }

    // MARK: - Expressions

    func check(_ syntax: Syntax) -> TypedExpression? {
        let r = syntax.range
        switch syntax.kind {
        case .integer(let v): return constant(.integer(v), .integer, r)
        case .decimal(let v): return constant(.decimal(v), .decimal, r)
        case .percent(let p):
            guard p.scale + 2 <= DecimalMath.maxScale else { return error("percentage has too many decimal places", at: r) }
            return constant(.rate(DecimalMath.movePoint(p, left: 2)), .rate, r)
        case .money(let v): return constant(.money(v), .money, r)
        case .date(let v): return constant(.date(v), .date, r)
        case .string(let v): return constant(.string(v), .string, r)
        case .bool(let v): return constant(.bool(v), .bool, r)
        case .name(let name): return resolve(name, r)
        case .list(let items): return list(items, r)
        case .negate(let operand): return negate(operand, r)
        case .not(let operand):
            guard let o = check(operand) else { return nil }
            guard o.type == .bool else { return error("'not' needs a bool, but this is \(article(o.type))", at: operand.range) }
            return fold(node(.not(o), .bool, r))
        case .binary(let op, let left, let right): return binary(op, left, right, r)
        case .between(let value, let low, let high): return range(value, low, high, halfOpen: false, negated: false, r)
        case .membership(let value, let target, let negated): return membership(value, target, negated: negated, r)
        case .range: return error("a range such as 21..60 can only follow 'in'", at: r)
        case .call(let name, let arguments): return call(name, arguments, r)
        case .field(let base, let name): return field(base, name, r)
        }
    }

    private func resolve(_ name: String, _ r: SourceRange) -> TypedExpression? {
        for element in elements.reversed() {
            if name == "it" { return node(.slot(element.slot), element.type, r) }
            if let record = element.type.recordType, let index = record.index(of: name) {
                let base = node(.slot(element.slot), element.type, r)
                return node(.field(base, index), record.fields[index].type, r)
            }
        }
        switch scope.lookup(name, location(r)) {
        case .value(let slot, let type, let fractional):
            var typed = node(.slot(slot), type, r)
            typed.fractionalPaise = fractional
            return typed
        case .failed:
            return nil
        case .missing:
            var candidates = scope.names()
            for element in elements { candidates += element.type.recordType?.fields.map(\.name) ?? [] }
            if !elements.isEmpty { candidates.append("it") }
            if TypeChecker.functionNames.contains(name) {
                return error("'\(name)' is a function; call it as \(name)(…)", at: r)
            }
            return error("unknown name '\(name)'" + NameSuggestion.hint(for: name, among: candidates), at: r)
        }
    }

    private func list(_ items: [Syntax], _ r: SourceRange) -> TypedExpression? {
        let checked = items.map { check($0) }
        let typed = checked.compactMap { $0 }
        guard typed.count == items.count else { return nil }
        guard let elementType = unify(typed) else {
            return error("list items must have one type; found \(typed.map { article($0.type) }.joined(separator: " and "))", at: r)
        }
        var coerced: [TypedExpression] = []
        for (item, syntax) in zip(typed, items) {
            guard case .done(let c) = coerce(item, to: elementType, syntax.range) else { return nil }
            coerced.append(c)
        }
        if coerced.allSatisfy({ $0.constant != nil }) {
            return constant(.list(coerced.map { $0.constant! }), .list(elementType), r)
        }
        return node(.list(coerced), .list(elementType), r)
    }

    private func negate(_ operand: Syntax, _ r: SourceRange) -> TypedExpression? {
        guard let o = check(operand) else { return nil }
        guard o.type.isNumeric else { return error("cannot negate \(article(o.type))", at: operand.range) }
        var typed = node(.negate(o), o.type, r)
        typed.fractionalPaise = o.fractionalPaise
        return fold(typed)
    }

    private func field(_ baseSyntax: Syntax, _ name: String, _ r: SourceRange) -> TypedExpression? {
        guard let base = check(baseSyntax) else { return nil }
        let nameRange = SourceRange(start: max(r.start, r.end - name.unicodeScalars.count), end: r.end)
        if base.type.listElement?.recordType != nil {
            return error("'\(name)' is a field of each item; use a list function such as sum(list, \(name))", at: nameRange)
        }
        guard let record = base.type.recordType else {
            return error("\(article(base.type)) has no fields", at: nameRange)
        }
        guard let index = record.index(of: name) else {
            return error("\(record.name.map { "'\($0)'" } ?? "the record") has no field '\(name)'"
                         + NameSuggestion.hint(for: name, among: record.fields.map(\.name)), at: nameRange)
        }
        return fold(node(.field(base, index), record.fields[index].type, r))
    }

    // MARK: - Building nodes

    func location(_ r: SourceRange) -> SourceLocation { source.map.location(at: r.start) }

    func node(_ kind: TypedExpression.Kind, _ type: RuleType, _ r: SourceRange) -> TypedExpression {
        TypedExpression(kind: kind, type: type, location: location(r), length: source.map.length(from: r.start, to: r.end))
    }

    func constant(_ value: Value, _ type: RuleType, _ r: SourceRange) -> TypedExpression {
        node(.constant(value), type, r)
    }

    /// Reports an error at `r` and returns nil.
    func error(_ message: String, at r: SourceRange) -> TypedExpression? {
        context.report(source.diagnostic(message, at: r))
        return nil
    }

    /// Evaluates `typed` now if all its parts are constants; reports an error the evaluation raises.
    func fold(_ typed: TypedExpression) -> TypedExpression? {
        guard ConstantFolding.isFoldable(typed) else { return typed }
        do throws(EvaluationError) {
            let value = try ConstantFolding.evaluate(typed)
            var folded = typed.with(.constant(value))
            folded.fractionalPaise = typed.fractionalPaise
            return folded
        } catch {
            context.report(Diagnostic(.error, at: typed.location, "\(error.message) in a constant expression", length: typed.length))
            return nil
        }
    }

    func article(_ type: RuleType) -> String {
        switch type {
        case .integer: return "an integer"
        case .money: return "money"
        case .enumeration(let e): return "an enum (\(e.name))"
        case .list: return "a list (\(type))"
        case .record: return "a record (\(type))"
        default: return "a \(type)"
        }
    }
}
