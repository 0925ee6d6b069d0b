import LoanMath

extension TypeChecker {
    static let functionNames: Set<String> = [
        "if", "min", "max", "clamp", "abs", "round", "add_months", "add_days", "months_between", "days_between",
        "years_between", "rupees", "percent", "count", "sum", "any", "all",
    ]

    func call(_ name: String, _ arguments: [Syntax], _ r: SourceRange) -> TypedExpression? {
        let nameRange = SourceRange(start: r.start, end: r.start + name.unicodeScalars.count)
        switch name {
        case "round": return round(arguments, r)
        case "count", "sum", "any", "all": return aggregate(name, arguments, r)
        case "min", "max":
            if arguments.count <= 2, let first = arguments.first, isList(first) { return aggregate(name, arguments, r) }
        default:
            guard TypeChecker.functionNames.contains(name) else {
                return error("unknown function '\(name)'"
                             + NameSuggestion.hint(for: name, among: Array(TypeChecker.functionNames)), at: nameRange)
            }
        }
        let checked = arguments.map { check($0) }
        let args = checked.compactMap { $0 }
        guard args.count == arguments.count else { return nil }
        switch name {
        case "if": return conditional(args, arguments, r)
        case "min", "max":
            guard args.count >= 2 else { return arity(name, "at least 2 values, or a list", arguments.count, r) }
            return ordered(name == "min" ? .min : .max, args, arguments, r)
        case "clamp":
            guard args.count == 3 else { return arity(name, "3 arguments: value, lowest, highest", arguments.count, r) }
            if let low = args[1].constant, let high = args[2].constant, let order = ValueOrder.compare(low, high), order > 0 {
                return error("clamp's lowest value \(low) is above its highest \(high)", at: arguments[1].range.union(arguments[2].range))
            }
            return ordered(.clamp, args, arguments, r)
        case "abs":
            guard args.count == 1 else { return arity(name, "1 argument", arguments.count, r) }
            guard args[0].type.isNumeric else { return error("abs needs a number, amount or rate, but this is \(article(args[0].type))", at: arguments[0].range) }
            var typed = node(.builtin(.abs, args), args[0].type, r)
            typed.fractionalPaise = args[0].fractionalPaise
            return fold(typed)
        case "add_months", "add_days":
            guard args.count == 2 else { return arity(name, "2 arguments: a date and a whole number", arguments.count, r) }
            guard require(args[0], .date, arguments[0], name), require(args[1], .integer, arguments[1], name) else { return nil }
            return fold(node(.builtin(name == "add_months" ? .addMonths : .addDays, args), .date, r))
        case "months_between", "days_between", "years_between":
            guard args.count == 2 else { return arity(name, "2 dates", arguments.count, r) }
            guard require(args[0], .date, arguments[0], name), require(args[1], .date, arguments[1], name) else { return nil }
            let builtin: Builtin = name == "days_between" ? .daysBetween : (name == "months_between" ? .monthsBetween : .yearsBetween)
            return fold(node(.builtin(builtin, args), .integer, r))
        case "rupees", "percent":
            guard args.count == 1 else { return arity(name, "1 number", arguments.count, r) }
            guard args[0].type.isNumber else { return error("\(name) needs a number, but this is \(article(args[0].type))", at: arguments[0].range) }
            var typed = node(.builtin(name == "rupees" ? .rupees : .percent, args), name == "rupees" ? .money : .rate, r)
            typed.fractionalPaise = name == "rupees" && args[0].type == .decimal
            guard var folded = fold(typed) else { return nil }
            if case .money(let v)? = folded.constant { folded.fractionalPaise = v.normalized.scale > 2 }
            return folded
        default:
            return error("unknown function '\(name)'", at: nameRange)
        }
    }

    private func isList(_ syntax: Syntax) -> Bool {
        if case .list = syntax.kind { return true }
        guard let name = syntax.name, elements.isEmpty else { return false }
        if case .value(_, let type, _) = scope.lookup(name, location(syntax.range)), type.listElement != nil { return true }
        return false
    }

    func arity(_ name: String, _ wanted: String, _ given: Int, _ r: SourceRange) -> TypedExpression? {
        error("\(name) takes \(wanted); given \(given)", at: r)
    }

    func require(_ arg: TypedExpression, _ type: RuleType, _ syntax: Syntax, _ function: String) -> Bool {
        if arg.type == type { return true }
        _ = error("\(function) needs \(article(type)) here, but this is \(article(arg.type))", at: syntax.range)
        return false
    }

    private func conditional(_ args: [TypedExpression], _ syntax: [Syntax], _ r: SourceRange) -> TypedExpression? {
        guard args.count == 3 else { return arity("if", "3 arguments: condition, value if true, value if false", syntax.count, r) }
        guard args[0].type == .bool else {
            return error("if's condition must be a bool, but this is \(article(args[0].type))", at: syntax[0].range)
        }
        guard let type = unify([args[1], args[2]]) else {
            return error("if's two values must have one type, but they are \(article(args[1].type)) and \(article(args[2].type))",
                         at: syntax[1].range.union(syntax[2].range))
        }
        guard case .done(let yes) = coerce(args[1], to: type, syntax[1].range),
              case .done(let no) = coerce(args[2], to: type, syntax[2].range) else { return nil }
        var typed = node(.conditional(args[0], yes, no), type, r)
        typed.fractionalPaise = yes.fractionalPaise || no.fractionalPaise
        if case .bool(let c)? = args[0].constant { return c ? yes : no }
        return typed
    }

    private func ordered(_ builtin: Builtin, _ args: [TypedExpression], _ syntax: [Syntax], _ r: SourceRange) -> TypedExpression? {
        guard let type = unify(args), type.isOrdered else {
            return error("values must be of one ordered type (numbers, amounts, rates, dates), but they are "
                         + args.map { article($0.type) }.joined(separator: ", "), at: r)
        }
        var coerced: [TypedExpression] = []
        for (arg, s) in zip(args, syntax) {
            guard case .done(let c) = coerce(arg, to: type, s.range) else { return nil }
            coerced.append(c)
        }
        var typed = node(.builtin(builtin, coerced), type, r)
        typed.fractionalPaise = coerced.contains { $0.fractionalPaise }
        return fold(typed)
    }

    // MARK: - round

    static let roundingModes: [String: RoundingMode] = [
        "half_up": .halfUp, "half_even": .halfEven, "up": .up, "down": .down,
    ]

    private func round(_ arguments: [Syntax], _ r: SourceRange) -> TypedExpression? {
        guard arguments.count == 3 else { return arity("round", "3 arguments: value, unit, mode (e.g. round(fee, rupee, half_up))", arguments.count, r) }
        guard let value = check(arguments[0]) else { return nil }
        guard value.type.isNumeric else {
            return error("round needs a number, amount or rate, but this is \(article(value.type))", at: arguments[0].range)
        }
        guard let step = roundingStep(arguments[1], for: value.type) else { return nil }
        guard let modeName = arguments[2].name, let mode = TypeChecker.roundingModes[modeName] else {
            return error("rounding mode must be half_up, half_even, up or down", at: arguments[2].range)
        }
        return fold(node(.builtin(.round(step: step, mode: mode), [value]), value.type, r))
    }

    /// The unit to round to: `paise`/`rupee` for amounts, else a constant of the value's type above 0.
    private func roundingStep(_ syntax: Syntax, for type: RuleType) -> ExactDecimal? {
        if let word = syntax.name, ["paise", "paisa", "rupee", "rupees"].contains(word) {
            guard type == .money else {
                _ = error("'\(word)' is a unit for amounts; round \(article(type)) to a unit such as \(type == .rate ? "0.01%" : "1")", at: syntax.range)
                return nil
            }
            return word.hasPrefix("paise") || word == "paisa" ? ExactDecimal(significand: 1, scale: 2) : ExactDecimal(1)
        }
        guard let unit = check(syntax) else { return nil }
        let fits = unit.type == type || (type == .decimal && unit.type == .integer)
        guard fits, let value = unit.constant, let step = value.decimalValue else {
            let example = type == .money ? "paise, rupee or ₹10" : (type == .rate ? "0.05%" : (type == .integer ? "10" : "0.01"))
            _ = error("rounding unit must be a constant \(type) such as \(example)", at: syntax.range)
            return nil
        }
        guard !step.isNegative && !step.isZero else {
            _ = error("rounding unit must be above zero", at: syntax.range)
            return nil
        }
        return step
    }
}
