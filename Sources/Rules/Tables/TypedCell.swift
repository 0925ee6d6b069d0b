/// A checked input cell: the test it applies to its column's value.
enum TypedCell: Sendable {
    case any
    case comparison(BinaryOperator, TypedExpression)
    case range(TypedExpression, TypedExpression, halfOpen: Bool)
    case list([TypedExpression], negated: Bool)
}

extension TypeChecker {
    /// Parses and checks a cell against a column of type `column` held in `columnSlot`.
    static func checkCell(_ source: ExpressionSource, column: RuleType, columnSlot: Int, scope: NameScope,
                          context: CheckContext) -> TypedCell? {
        switch Parser.parseCell(source, limits: context.limits) {
        case .failure(let diagnostic):
            context.report(diagnostic)
            return nil
        case .success(let syntax):
            let checker = TypeChecker(source: source, scope: scope, context: context)
            return checker.cell(syntax, column: column, columnSlot: columnSlot)
        }
    }

    private func cell(_ syntax: CellSyntax, column: RuleType, columnSlot: Int) -> TypedCell? {
        let whole = SourceRange(start: 0, end: max(1, source.text.unicodeScalars.count))
        let value = node(.slot(columnSlot), column, whole)
        switch syntax {
        case .any:
            return .any
        case .equals(let s):
            return bound(.equal, s, value).map { .comparison(.equal, $0) }
        case .comparison(let op, let s):
            return bound(op, s, value).map { .comparison(op, $0) }
        case .range(let lowSyntax, let highSyntax, let halfOpen):
            let low = bound(.lessOrEqual, lowSyntax, value), high = bound(.lessOrEqual, highSyntax, value)
            guard let low, let high else { return nil }
            if let problem = TypeChecker.emptyRange(low.constant, high.constant, halfOpen: halfOpen) {
                _ = error(problem, at: lowSyntax.range.union(highSyntax.range))
                return nil
            }
            return .range(low, high, halfOpen: halfOpen)
        case .list(let items, let negated):
            let checked = items.map { bound(.equal, $0, value) }
            let typed = checked.compactMap { $0 }
            guard typed.count == items.count else { return nil }
            return .list(typed, negated: negated)
        }
    }

    /// A value the column is compared with: checked, made comparable with the column.
    private func bound(_ op: BinaryOperator, _ syntax: Syntax, _ column: TypedExpression) -> TypedExpression? {
        guard let checked = check(syntax), let (_, b) = harmonize(column, checked, syntax.range, syntax.range) else { return nil }
        let ordered = op != .equal && op != .notEqual
        guard comparable(column.type, b.type, ordered: ordered) else {
            return error("cannot compare column of type \(column.type) with \(article(b.type))"
                         + (ordered && !column.type.isOrdered ? " using '\(op.rawValue)'" : "")
                         + moneyHint(column.type, b.type), at: syntax.range)
        }
        return b
    }
}
