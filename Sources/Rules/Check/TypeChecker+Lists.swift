extension TypeChecker {
    /// `count`, `sum`, `any`, `all`, `min`, `max` over a list: `count(tradelines)`,
    /// `sum(tradelines, emi)`, `any(tradelines, max_dpd > 30)`. In the second argument the
    /// element's fields are in scope by name, and the element itself is `it`.
    func aggregate(_ name: String, _ arguments: [Syntax], _ r: SourceRange) -> TypedExpression? {
        guard arguments.count == 1 || arguments.count == 2 else {
            return arity(name, "a list, and optionally an expression for each item", arguments.count, r)
        }
        guard let list = check(arguments[0]) else { return nil }
        guard let element = list.type.listElement else {
            return error("\(name) needs a list, but this is \(article(list.type))", at: arguments[0].range)
        }
        let kind: Aggregate
        switch name {
        case "count": kind = .count
        case "sum": kind = .sum
        case "any": kind = .any
        case "all": kind = .all
        case "min": kind = .min
        default: kind = .max
        }
        let slot = context.elementBase + elements.count
        var body: TypedExpression?
        var itemType = element
        if arguments.count == 2 {
            elements.append((element, slot))
            context.elementDepthUsed = max(context.elementDepthUsed, elements.count)
            body = check(arguments[1])
            elements.removeLast()
            guard let body else { return nil }
            itemType = body.type
        }
        let itemRange = arguments.count == 2 ? arguments[1].range : arguments[0].range
        let resultType: RuleType
        switch kind {
        case .count:
            guard arguments.count == 1 || itemType == .bool else {
                return error("count's condition must be a bool, but this is \(article(itemType))", at: itemRange)
            }
            resultType = .integer
        case .any, .all:
            guard itemType == .bool else { return error("\(name) needs bool items or a condition, but this is \(article(itemType))", at: itemRange) }
            resultType = .bool
        case .sum:
            guard itemType.isNumeric else { return error("sum needs numbers, amounts or rates, but this is \(article(itemType))", at: itemRange) }
            resultType = itemType
        case .min, .max:
            guard itemType.isOrdered else { return error("\(name) needs ordered items, but this is \(article(itemType))", at: itemRange) }
            resultType = itemType
        }
        var typed = node(.aggregate(kind, list, element: slot, body: body), resultType, r)
        typed.fractionalPaise = body?.fractionalPaise ?? false
        return typed
    }
}
