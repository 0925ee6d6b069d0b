import LoanMath

/// Turns a checked expression into a closure over the evaluation frame. Names are already slot
/// numbers and operators already chosen by type, so evaluation does no lookups and no parsing.
///
/// Bool, integer and decimal-like expressions lower to closures that return `Bool`, `Int64` or
/// `ExactDecimal` directly (see `ExpressionLowering+Typed`), so a condition such as
/// `foir > 55% and bureau_score >= 700` never boxes an intermediate into a `Value`.
enum ExpressionLowering {
    static func lower(_ e: TypedExpression) -> Evaluator {
        switch e.kind {
        case .constant(let v):
            return { _ in v }
        case .slot(let index):
            return { f in f.slots[index] }
        default:
            break
        }
        switch e.type {
        case .bool:
            let b = lowerBool(e)
            return { f throws(EvaluationError) in .bool(try b(f)) }
        case .integer:
            let n = lowerInteger(e)
            return { f throws(EvaluationError) in .integer(try n(f)) }
        case .decimal:
            let n = lowerNumber(e)
            return { f throws(EvaluationError) in .decimal(try n(f)) }
        case .money:
            let n = lowerNumber(e)
            return { f throws(EvaluationError) in .money(try n(f)) }
        case .rate:
            let n = lowerNumber(e)
            return { f throws(EvaluationError) in .rate(try n(f)) }
        default:
            return lowerValue(e)
        }
    }

    /// The general lowering, producing values; the typed lowerings fall back to it.
    static func lowerValue(_ e: TypedExpression) -> Evaluator {
        let at = e.location
        switch e.kind {
        case .constant(let v):
            return { _ in v }
        case .slot(let index):
            return { f in f.slots[index] }
        case .field(let base, let index):
            let record = lower(base)
            return { f throws(EvaluationError) in
                guard case .record(let r) = try record(f), index < r.values.count else { throw .internalError(at: at) }
                return r.values[index]
            }
        case .not(let operand):
            let x = lower(operand)
            return { f throws(EvaluationError) in .bool(!(try bool(x(f), at))) }
        case .and(let l, let r):
            let a = lower(l), b = lower(r)
            return { f throws(EvaluationError) in
                try bool(a(f), at) ? .bool(try bool(b(f), at)) : .bool(false)
            }
        case .or(let l, let r):
            let a = lower(l), b = lower(r)
            return { f throws(EvaluationError) in
                try bool(a(f), at) ? .bool(true) : .bool(try bool(b(f), at))
            }
        case .conditional(let c, let yes, let no):
            let test = lower(c), a = lower(yes), b = lower(no)
            return { f throws(EvaluationError) in try bool(test(f), at) ? try a(f) : try b(f) }
        case .list(let items):
            let parts = items.map(CompiledNode.init)
            return { f throws(EvaluationError) in
                var values: [Value] = []
                values.reserveCapacity(parts.count)
                for i in parts.indices { values.append(try parts[i].evaluate(f)) }
                return .list(values)
            }
        case .toDecimal(let operand):
            let x = lower(operand)
            return { f throws(EvaluationError) in
                guard case .integer(let v) = try x(f) else { throw .internalError(at: at) }
                return .decimal(DecimalMath.integer(v))
            }
        case .negate(let operand): return negate(operand, at)
        case .arithmetic(let op, let l, let r): return arithmetic(op, l, r, e.type, at)
        case .comparison(let op, let l, let r): return comparison(op, l, r, at)
        case .inRange(let v, let low, let high, let halfOpen, let negated):
            return inRange(v, low, high, halfOpen: halfOpen, negated: negated, at)
        case .inList(let v, let list, let negated): return inList(v, list, negated: negated, at)
        case .builtin(let builtin, let args): return call(builtin, args, e.type, at)
        case .aggregate(let kind, let list, let slot, let body): return aggregate(kind, list, slot, body, e.type, at)
        }
    }

    @inline(__always)
    static func bool(_ v: Value, _ at: SourceLocation) throws(EvaluationError) -> Bool {
        guard case .bool(let b) = v else { throw .internalError(at: at) }
        return b
    }

    @inline(__always)
    static func number(_ v: Value, _ at: SourceLocation) throws(EvaluationError) -> ExactDecimal {
        switch v {
        case .decimal(let d), .money(let d), .rate(let d): return d
        case .integer(let i): return DecimalMath.integer(i)
        default: throw .internalError(at: at)
        }
    }

    /// Wraps a decimal result as a value of `type` (decimal, money or rate).
    static func wrap(_ type: RuleType) -> @Sendable (ExactDecimal) -> Value {
        switch type {
        case .money: return { .money($0) }
        case .rate: return { .rate($0) }
        default: return { .decimal($0) }
        }
    }

    private static func negate(_ operand: TypedExpression, _ at: SourceLocation) -> Evaluator {
        let x = lower(operand)
        let make = wrap(operand.type)
        return { f throws(EvaluationError) in
            let v = try x(f)
            if case .integer(let i) = v {
                guard i != Int64.min else { throw EvaluationError.arithmetic(.overflow, at: at) }
                return .integer(-i)
            }
            let n = try number(v, at)
            do throws(ArithmeticError) {
                return make(try DecimalMath.negate(n))
            } catch {
                throw EvaluationError.arithmetic(error, at: at)
            }
        }
    }
}

/// Evaluates constant parts of an expression at compile time, through the same closures.
enum ConstantFolding {
    static func isFoldable(_ e: TypedExpression) -> Bool {
        switch e.kind {
        case .constant, .slot, .aggregate: return false
        default: return children(e.kind).allSatisfy { $0.constant != nil }
        }
    }

    static func evaluate(_ e: TypedExpression) throws(EvaluationError) -> Value {
        let evaluator = ExpressionLowering.lower(e)
        return try Frame.with(count: 1) { frame throws(EvaluationError) in try evaluator(frame) }
    }

    static func children(_ kind: TypedExpression.Kind) -> [TypedExpression] {
        switch kind {
        case .constant, .slot: return []
        case .field(let x, _), .not(let x), .negate(let x), .toDecimal(let x): return [x]
        case .and(let a, let b), .or(let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b),
             .inList(let a, let b, _):
            return [a, b]
        case .inRange(let a, let b, let c, _, _), .conditional(let a, let b, let c): return [a, b, c]
        case .list(let items), .builtin(_, let items): return items
        case .aggregate(_, let list, _, let body): return [list] + (body.map { [$0] } ?? [])
        }
    }
}
