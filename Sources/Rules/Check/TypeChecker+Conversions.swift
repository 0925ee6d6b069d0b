extension TypeChecker {
    /// The outcome of using a value where a given type is expected.
    enum Coercion {
        case done(TypedExpression)
        /// The types do not fit; not yet reported.
        case mismatch
        /// An error was reported (e.g. a string that is not a value of the enum).
        case failed
    }

    /// `typed` as a value of `target`: equal types pass, an integer becomes a decimal, a constant
    /// string becomes an enum value if the enum has it, list literals convert item by item.
    func coerce(_ typed: TypedExpression, to target: RuleType, _ r: SourceRange) -> Coercion {
        if typed.type == target { return .done(typed) }
        switch (typed.type, target) {
        case (.integer, .decimal):
            guard let folded = fold(typed.with(.toDecimal(typed), type: .decimal)) else { return .failed }
            return .done(folded)
        case (.string, .enumeration(let e)):
            guard case .string(let word)? = typed.constant else { return .mismatch }
            guard e.values.contains(word) else {
                _ = error("'\(word)' is not a value of \(e.name) (\(e.valueList))"
                          + NameSuggestion.hint(for: word, among: e.values), at: r)
                return .failed
            }
            return .done(typed.with(typed.kind, type: target))
        case (.list(let from), .list(let to)):
            if case .list(let items) = typed.kind {
                var converted: [TypedExpression] = []
                for item in items {
                    guard case .done(let c) = coerce(item, to: to, r) else { return .mismatch }
                    converted.append(c)
                }
                return .done(typed.with(.list(converted), type: target))
            }
            if case .list(let values)? = typed.constant {
                if from == .integer, to == .decimal {
                    let decimals = values.map { v -> Value in v.decimalValue.map(Value.decimal) ?? v }
                    return .done(typed.with(.constant(.list(decimals)), type: target))
                }
                if from == .string, let e = to.enumType {
                    for case .string(let word) in values where !e.values.contains(word) {
                        _ = error("'\(word)' is not a value of \(e.name) (\(e.valueList))"
                                  + NameSuggestion.hint(for: word, among: e.values), at: r)
                        return .failed
                    }
                    return .done(typed.with(typed.kind, type: target))
                }
            }
            return .mismatch
        default:
            return .mismatch
        }
    }

    /// The one type that all of `items` can take, if any.
    func unify(_ items: [TypedExpression]) -> RuleType? {
        guard var result = items.first?.type else { return nil }
        for item in items.dropFirst() {
            guard let joined = join(result, item) else { return nil }
            result = joined
        }
        // An enum wins over the constant strings that join it.
        return result
    }

    private func join(_ type: RuleType, _ item: TypedExpression) -> RuleType? {
        if type == item.type { return type }
        switch (type, item.type) {
        case (.integer, .decimal), (.decimal, .integer): return .decimal
        case (.enumeration, .string) where item.constant != nil: return type
        case (.string, .enumeration): return item.type
        default: return nil
        }
    }

    /// Two operands made comparable: a constant string next to an enum becomes that enum's value.
    func harmonize(_ a: TypedExpression, _ b: TypedExpression, _ ra: SourceRange, _ rb: SourceRange)
        -> (TypedExpression, TypedExpression)?
    {
        if let e = a.type.enumType, b.type == .string {
            guard b.constant != nil else { return mismatch(a, b, rb) }
            guard case .done(let c) = coerce(b, to: .enumeration(e), rb) else { return nil }
            return (a, c)
        }
        if let e = b.type.enumType, a.type == .string {
            guard a.constant != nil else { return mismatch(a, b, ra) }
            guard case .done(let c) = coerce(a, to: .enumeration(e), ra) else { return nil }
            return (c, b)
        }
        return (a, b)
    }

    private func mismatch(_ a: TypedExpression, _ b: TypedExpression, _ r: SourceRange) -> (TypedExpression, TypedExpression)? {
        _ = error("cannot compare \(article(a.type)) with \(article(b.type)); compare an enum with one of its values, e.g. \"\((a.type.enumType ?? b.type.enumType)?.values.first ?? "")\"", at: r)
        return nil
    }

    /// Whether `a` and `b` may be compared with `op` (after `harmonize`).
    func comparable(_ a: RuleType, _ b: RuleType, ordered: Bool) -> Bool {
        let numberLike: (RuleType) -> Bool = { $0.isNumber || $0 == .rate }
        if numberLike(a) && numberLike(b) { return true }
        guard a == b else { return false }
        switch a {
        case .money, .date, .string: return true
        case .bool, .enumeration: return !ordered
        default: return false
        }
    }
}
