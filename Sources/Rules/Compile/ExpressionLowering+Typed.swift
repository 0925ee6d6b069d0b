import LoanMath

typealias BoolEvaluator = @Sendable (Frame) throws(EvaluationError) -> Bool
typealias IntegerEvaluator = @Sendable (Frame) throws(EvaluationError) -> Int64
typealias NumberEvaluator = @Sendable (Frame) throws(EvaluationError) -> ExactDecimal

/// Unboxed lowerings: the hot shapes of conditions and formulas as closures over plain Swift
/// values. Anything else falls back to `lowerValue` and is unboxed once.
extension ExpressionLowering {
    // MARK: - Bool

    static func lowerBool(_ e: TypedExpression) -> BoolEvaluator {
        let at = e.location
        switch e.kind {
        case .constant(let v):
            let b = v.boolValue ?? false
            return { _ in b }
        case .slot(let i):
            return { f throws(EvaluationError) in
                guard case .bool(let b) = f.slots[i] else { throw .internalError(at: at) }
                return b
            }
        case .not(let x):
            let a = lowerBool(x)
            return { f throws(EvaluationError) in !(try a(f)) }
        case .and(let l, let r):
            let a = lowerBool(l), b = lowerBool(r)
            return { f throws(EvaluationError) in try a(f) ? try b(f) : false }
        case .or(let l, let r):
            let a = lowerBool(l), b = lowerBool(r)
            return { f throws(EvaluationError) in try a(f) ? true : try b(f) }
        case .conditional(let c, let yes, let no):
            let test = lowerBool(c), a = lowerBool(yes), b = lowerBool(no)
            return { f throws(EvaluationError) in try test(f) ? try a(f) : try b(f) }
        case .comparison(let op, let l, let r):
            return compare(op, l, r, at)
        case .inRange(let v, let low, let high, let halfOpen, let negated):
            return range(v, low, high, halfOpen: halfOpen, negated: negated, at)
        default:
            let g = lowerValue(e)
            return { f throws(EvaluationError) in try bool(g(f), at) }
        }
    }

    private static func compare(_ op: BinaryOperator, _ l: TypedExpression, _ r: TypedExpression, _ at: SourceLocation) -> BoolEvaluator {
        if l.type == .integer && r.type == .integer {
            let a = lowerInteger(l)
            if case .integer(let k)? = r.constant {
                switch op {
                case .less: return { f throws(EvaluationError) in try a(f) < k }
                case .lessOrEqual: return { f throws(EvaluationError) in try a(f) <= k }
                case .greater: return { f throws(EvaluationError) in try a(f) > k }
                case .greaterOrEqual: return { f throws(EvaluationError) in try a(f) >= k }
                case .equal: return { f throws(EvaluationError) in try a(f) == k }
                default: return { f throws(EvaluationError) in try a(f) != k }
                }
            }
            let b = lowerInteger(r)
            return { f throws(EvaluationError) in
                let x = try a(f), y = try b(f)
                return op.holds(x < y ? -1 : (x == y ? 0 : 1))
            }
        }
        if l.type.isNumeric && r.type.isNumeric {
            let a = lowerNumber(l)
            if let k = r.constant?.decimalValue {
                return { f throws(EvaluationError) in op.holds(DecimalMath.compare(try a(f), k)) }
            }
            let b = lowerNumber(r)
            return { f throws(EvaluationError) in op.holds(DecimalMath.compare(try a(f), try b(f))) }
        }
        if case .string(let k)? = r.constant, op == .equal || op == .notEqual {
            let a = lowerValue(l), equal = op == .equal
            return { f throws(EvaluationError) in
                guard case .string(let s) = try a(f) else { throw .internalError(at: at) }
                return (s == k) == equal
            }
        }
        let a = lower(l), b = lower(r)
        return { f throws(EvaluationError) in
            guard let order = ValueOrder.compare(try a(f), try b(f)) else { throw .internalError(at: at) }
            return op.holds(order)
        }
    }

    private static func range(_ v: TypedExpression, _ low: TypedExpression, _ high: TypedExpression, halfOpen: Bool,
                              negated: Bool, _ at: SourceLocation) -> BoolEvaluator {
        if v.type == .integer && low.type == .integer && high.type == .integer {
            let x = lowerInteger(v), lo = lowerInteger(low), hi = lowerInteger(high)
            if case .integer(let a)? = low.constant, case .integer(let b)? = high.constant {
                return { f throws(EvaluationError) in
                    let n = try x(f)
                    return (n >= a && (halfOpen ? n < b : n <= b)) != negated
                }
            }
            return { f throws(EvaluationError) in
                let n = try x(f), a = try lo(f), b = try hi(f)
                return (n >= a && (halfOpen ? n < b : n <= b)) != negated
            }
        }
        if v.type.isNumeric && low.type.isNumeric && high.type.isNumeric {
            let x = lowerNumber(v), lo = lowerNumber(low), hi = lowerNumber(high)
            return { f throws(EvaluationError) in
                let n = try x(f)
                let above = DecimalMath.compare(n, try hi(f))
                return (DecimalMath.compare(n, try lo(f)) >= 0 && (halfOpen ? above < 0 : above <= 0)) != negated
            }
        }
        let g = inRange(v, low, high, halfOpen: halfOpen, negated: negated, at)
        return { f throws(EvaluationError) in try bool(g(f), at) }
    }

    // MARK: - Integer

    static func lowerInteger(_ e: TypedExpression) -> IntegerEvaluator {
        let at = e.location
        switch e.kind {
        case .constant(let v):
            let n = v.integerValue ?? 0
            return { _ in n }
        case .slot(let i):
            return { f throws(EvaluationError) in
                guard case .integer(let n) = f.slots[i] else { throw .internalError(at: at) }
                return n
            }
        case .arithmetic(let op, let l, let r) where op != .divide:
            let a = lowerInteger(l), b = lowerInteger(r)
            return { f throws(EvaluationError) in
                let x = try a(f), y = try b(f)
                let (v, overflow): (Int64, Bool)
                switch op {
                case .add: (v, overflow) = x.addingReportingOverflow(y)
                case .subtract: (v, overflow) = x.subtractingReportingOverflow(y)
                default: (v, overflow) = x.multipliedReportingOverflow(by: y)
                }
                if overflow { throw EvaluationError.arithmetic(.overflow, at: at) }
                return v
            }
        case .conditional(let c, let yes, let no):
            let test = lowerBool(c), a = lowerInteger(yes), b = lowerInteger(no)
            return { f throws(EvaluationError) in try test(f) ? try a(f) : try b(f) }
        case .builtin(let builtin, let args) where [.monthsBetween, .daysBetween, .yearsBetween].contains(builtin):
            let a = lowerValue(args[0]), b = lowerValue(args[1])
            return { f throws(EvaluationError) in
                guard case .date(let x) = try a(f), case .date(let y) = try b(f) else { throw .internalError(at: at) }
                switch builtin {
                case .daysBetween: return DateMath.daysBetween(x, y)
                case .monthsBetween: return DateMath.monthsBetween(x, y)
                default: return DateMath.yearsBetween(x, y)
                }
            }
        default:
            let g = lowerValue(e)
            return { f throws(EvaluationError) in
                guard case .integer(let n) = try g(f) else { throw .internalError(at: at) }
                return n
            }
        }
    }

    // MARK: - Decimal, money, rate

    /// The number of an integer, decimal, money or rate expression.
    static func lowerNumber(_ e: TypedExpression) -> NumberEvaluator {
        let at = e.location
        if e.type == .integer, e.constant == nil {
            let n = lowerInteger(e)
            return { f throws(EvaluationError) in DecimalMath.integer(try n(f)) }
        }
        switch e.kind {
        case .constant(let v):
            let d = v.decimalValue ?? .zero
            return { _ in d }
        case .slot(let i):
            return { f throws(EvaluationError) in try number(f.slots[i], at) }
        case .toDecimal(let x):
            return lowerNumber(x)
        case .arithmetic(let op, let l, let r):
            return numberArithmetic(op, l, r, at)
        case .negate(let x):
            let a = lowerNumber(x)
            return { f throws(EvaluationError) in
                let n = try a(f)
                do throws(ArithmeticError) { return try DecimalMath.negate(n) } catch {
                    throw EvaluationError.arithmetic(error, at: at)
                }
            }
        case .conditional(let c, let yes, let no):
            let test = lowerBool(c), a = lowerNumber(yes), b = lowerNumber(no)
            return { f throws(EvaluationError) in try test(f) ? try a(f) : try b(f) }
        case .builtin(.round(let step, let mode), let args):
            let a = lowerNumber(args[0])
            return { f throws(EvaluationError) in
                let n = try a(f)
                do throws(ArithmeticError) { return try DecimalMath.round(n, step: step, mode) } catch {
                    throw EvaluationError.arithmetic(error, at: at)
                }
            }
        case .builtin(let builtin, let args) where builtin == .min || builtin == .max || builtin == .clamp:
            return numberOrder(builtin, args, at)
        case .builtin(.rupees, let args):
            return lowerNumber(args[0])
        case .builtin(.percent, let args):
            let a = lowerNumber(args[0])
            return { f throws(EvaluationError) in DecimalMath.movePoint(try a(f), left: 2) }
        default:
            let g = lowerValue(e)
            return { f throws(EvaluationError) in try number(g(f), at) }
        }
    }

    private static func numberArithmetic(_ op: BinaryOperator, _ l: TypedExpression, _ r: TypedExpression,
                                         _ at: SourceLocation) -> NumberEvaluator {
        let a = lowerNumber(l)
        let operation: DecimalOperation
        switch op {
        case .add: operation = { x, y throws(ArithmeticError) in try DecimalMath.add(x, y) }
        case .subtract: operation = { x, y throws(ArithmeticError) in try DecimalMath.subtract(x, y) }
        case .multiply: operation = { x, y throws(ArithmeticError) in try DecimalMath.multiply(x, y) }
        default: operation = { x, y throws(ArithmeticError) in try DecimalMath.divide(x, y) }
        }
        if let k = r.constant?.decimalValue {
            return { f throws(EvaluationError) in
                let x = try a(f)
                do throws(ArithmeticError) { return try operation(x, k) } catch {
                    throw EvaluationError.arithmetic(error, at: at)
                }
            }
        }
        let b = lowerNumber(r)
        return { f throws(EvaluationError) in
            let x = try a(f), y = try b(f)
            do throws(ArithmeticError) { return try operation(x, y) } catch {
                throw EvaluationError.arithmetic(error, at: at)
            }
        }
    }

    private static func numberOrder(_ builtin: Builtin, _ args: [TypedExpression], _ at: SourceLocation) -> NumberEvaluator {
        let x = lowerNumber(args[0]), y = lowerNumber(args[1])
        switch builtin {
        case .clamp:
            let z = lowerNumber(args[2])
            return { f throws(EvaluationError) in
                let v = try x(f), low = try y(f), high = try z(f)
                if DecimalMath.compare(low, high) > 0 {
                    throw EvaluationError(.invalidArgument, at: at, "clamp's lowest value is above its highest")
                }
                return DecimalMath.compare(v, low) < 0 ? low : (DecimalMath.compare(v, high) > 0 ? high : v)
            }
        default:
            let rest = args.dropFirst(2).map { CompiledNumber(lowerNumber($0)) }
            let wantLess = builtin == .min
            return { f throws(EvaluationError) in
                var best = try x(f)
                let second = try y(f)
                if wantLess ? DecimalMath.compare(second, best) < 0 : DecimalMath.compare(second, best) > 0 { best = second }
                for i in rest.indices {
                    let v = try rest[i].evaluate(f)
                    if wantLess ? DecimalMath.compare(v, best) < 0 : DecimalMath.compare(v, best) > 0 { best = v }
                }
                return best
            }
        }
    }
}

/// A number closure kept in an array (see `CompiledNode`).
struct CompiledNumber: Sendable {
    let evaluate: NumberEvaluator
    init(_ evaluate: @escaping NumberEvaluator) { self.evaluate = evaluate }
}
