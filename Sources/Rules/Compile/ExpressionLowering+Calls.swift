import LoanMath

extension ExpressionLowering {
    static func call(_ builtin: Builtin, _ args: [TypedExpression], _ type: RuleType, _ at: SourceLocation) -> Evaluator {
        let parts = args.map(CompiledNode.init)
        let first = lower(args[0])
        let second: Evaluator = args.count > 1 ? lower(args[1]) : first
        switch builtin {
        case .min, .max:
            let wantLess = builtin == .min
            if parts.count == 2 {
                let (a, b) = (first, second)
                return { f throws(EvaluationError) in
                    let x = try a(f), y = try b(f)
                    guard let order = ValueOrder.compare(y, x) else { throw .internalError(at: at) }
                    return (wantLess ? order < 0 : order > 0) ? y : x
                }
            }
            return { f throws(EvaluationError) in
                var best = try first(f)
                for i in 1..<parts.count {
                    let v = try parts[i].evaluate(f)
                    guard let order = ValueOrder.compare(v, best) else { throw .internalError(at: at) }
                    if wantLess ? order < 0 : order > 0 { best = v }
                }
                return best
            }
        case .clamp:
            let (x, lo, hi) = (first, second, lower(args[2]))
            return { f throws(EvaluationError) in
                let v = try x(f), low = try lo(f), high = try hi(f)
                guard let bounds = ValueOrder.compare(low, high), let below = ValueOrder.compare(v, low),
                      let above = ValueOrder.compare(v, high) else { throw .internalError(at: at) }
                if bounds > 0 { throw EvaluationError(.invalidArgument, at: at, "clamp's lowest value is above its highest") }
                return below < 0 ? low : (above > 0 ? high : v)
            }
        case .abs:
            let x = first, make = wrap(type)
            return { f throws(EvaluationError) in
                let v = try x(f)
                if case .integer(let i) = v {
                    guard i != Int64.min else { throw EvaluationError.arithmetic(.overflow, at: at) }
                    return .integer(Swift.abs(i))
                }
                let n = try number(v, at)
                do throws(ArithmeticError) { return make(try DecimalMath.abs(n)) } catch {
                    throw EvaluationError.arithmetic(error, at: at)
                }
            }
        case .round(let step, let mode):
            return round(first, step: step, mode: mode, type, at)
        case .addMonths, .addDays:
            let (d, n) = (first, second)
            let months = builtin == .addMonths
            return { f throws(EvaluationError) in
                guard case .date(let date) = try d(f), case .integer(let count) = try n(f) else { throw .internalError(at: at) }
                guard let result = months ? DateMath.addMonths(date, count) : DateMath.addDays(date, count) else {
                    throw EvaluationError.dateRange(at: at)
                }
                return .date(result)
            }
        case .monthsBetween, .daysBetween, .yearsBetween:
            let (a, b) = (first, second)
            return { f throws(EvaluationError) in
                guard case .date(let x) = try a(f), case .date(let y) = try b(f) else { throw .internalError(at: at) }
                switch builtin {
                case .daysBetween: return .integer(DateMath.daysBetween(x, y))
                case .monthsBetween: return .integer(DateMath.monthsBetween(x, y))
                default: return .integer(DateMath.yearsBetween(x, y))
                }
            }
        case .rupees:
            let x = first
            return { f throws(EvaluationError) in .money(try number(x(f), at)) }
        case .percent:
            let x = first
            return { f throws(EvaluationError) in .rate(DecimalMath.movePoint(try number(x(f), at), left: 2)) }
        }
    }

    private static func round(_ x: @escaping Evaluator, step: ExactDecimal, mode: RoundingMode, _ type: RuleType,
                              _ at: SourceLocation) -> Evaluator {
        let make = wrap(type)
        return { f throws(EvaluationError) in
            let n = try number(x(f), at)
            do throws(ArithmeticError) {
                let rounded = try DecimalMath.round(n, step: step, mode)
                guard type == .integer else { return make(rounded) }
                guard let whole = Int64(exactly: rounded.rescaled(to: 0).significand) else { throw .overflow }
                return .integer(whole)
            } catch {
                throw EvaluationError.arithmetic(error, at: at)
            }
        }
    }

    static func aggregate(_ kind: Aggregate, _ list: TypedExpression, _ slot: Int, _ body: TypedExpression?,
                          _ type: RuleType, _ at: SourceLocation) -> Evaluator {
        let items = lower(list)
        let element: Evaluator = { f in f.slots[slot] }
        let each: Evaluator
        if let body { each = lower(body) } else { each = element }
        let make = wrap(type)
        return { f throws(EvaluationError) in
            guard case .list(let values) = try items(f) else { throw .internalError(at: at) }
            switch kind {
            case .count:
                guard body != nil else { return .integer(Int64(values.count)) }
                var n: Int64 = 0
                for v in values {
                    f.slots[slot] = v
                    if try bool(each(f), at) { n += 1 }
                }
                return .integer(n)
            case .any, .all:
                let wanted = kind == .any
                for v in values {
                    f.slots[slot] = v
                    if try bool(each(f), at) == wanted { return .bool(wanted) }
                }
                return .bool(!wanted)
            case .sum:
                if type == .integer {
                    var total: Int64 = 0
                    for v in values {
                        f.slots[slot] = v
                        guard case .integer(let n) = try each(f) else { throw .internalError(at: at) }
                        let (s, o) = total.addingReportingOverflow(n)
                        if o { throw EvaluationError.arithmetic(.overflow, at: at) }
                        total = s
                    }
                    return .integer(total)
                }
                var total = ExactDecimal.zero
                for v in values {
                    f.slots[slot] = v
                    let n = try number(each(f), at)
                    do throws(ArithmeticError) { total = try DecimalMath.add(total, n) } catch {
                        throw EvaluationError.arithmetic(error, at: at)
                    }
                }
                return make(total)
            case .min, .max:
                var best: Value?
                for v in values {
                    f.slots[slot] = v
                    let candidate = try each(f)
                    guard let current = best else { best = candidate; continue }
                    guard let order = ValueOrder.compare(candidate, current) else { throw .internalError(at: at) }
                    if kind == .min ? order < 0 : order > 0 { best = candidate }
                }
                guard let best else {
                    throw EvaluationError(.invalidArgument, at: at, "\(kind == .min ? "min" : "max") of an empty list")
                }
                return best
            }
        }
    }
}
