import LoanMath

extension BinaryOperator {
    /// Whether a comparison result (-1, 0, 1) satisfies this operator.
    @inline(__always)
    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }
}

extension ExpressionLowering {
    typealias DecimalOperation = @Sendable (ExactDecimal, ExactDecimal) throws(ArithmeticError) -> ExactDecimal

    static func arithmetic(_ op: BinaryOperator, _ l: TypedExpression, _ r: TypedExpression, _ type: RuleType,
                           _ at: SourceLocation) -> Evaluator {
        let a = lower(l), b = lower(r)
        if type == .integer { return integerArithmetic(op, a, b, at) }
        if type == .string {
            return { f throws(EvaluationError) in
                guard case .string(let x) = try a(f), case .string(let y) = try b(f) else { throw .internalError(at: at) }
                return .string(x + y)
            }
        }
        let operation: DecimalOperation
        switch op {
        case .add: operation = { x, y throws(ArithmeticError) in try DecimalMath.add(x, y) }
        case .subtract: operation = { x, y throws(ArithmeticError) in try DecimalMath.subtract(x, y) }
        case .multiply: operation = { x, y throws(ArithmeticError) in try DecimalMath.multiply(x, y) }
        default: operation = { x, y throws(ArithmeticError) in try DecimalMath.divide(x, y) }
        }
        let make = wrap(type)
        if let constant = r.constant?.decimalValue {
            return { f throws(EvaluationError) in
                let x = try number(a(f), at)
                do throws(ArithmeticError) { return make(try operation(x, constant)) } catch {
                    throw EvaluationError.arithmetic(error, at: at)
                }
            }
        }
        return { f throws(EvaluationError) in
            let x = try number(a(f), at), y = try number(b(f), at)
            do throws(ArithmeticError) { return make(try operation(x, y)) } catch {
                throw EvaluationError.arithmetic(error, at: at)
            }
        }
    }

    private static func integerArithmetic(_ op: BinaryOperator, _ a: @escaping Evaluator, _ b: @escaping Evaluator,
                                          _ at: SourceLocation) -> Evaluator {
        return { f throws(EvaluationError) in
            guard case .integer(let x) = try a(f), case .integer(let y) = try b(f) else { throw .internalError(at: at) }
            let (v, overflow): (Int64, Bool)
            switch op {
            case .add: (v, overflow) = x.addingReportingOverflow(y)
            case .subtract: (v, overflow) = x.subtractingReportingOverflow(y)
            default: (v, overflow) = x.multipliedReportingOverflow(by: y)
            }
            if overflow { throw EvaluationError.arithmetic(.overflow, at: at) }
            return .integer(v)
        }
    }

    static func comparison(_ op: BinaryOperator, _ l: TypedExpression, _ r: TypedExpression, _ at: SourceLocation) -> Evaluator {
        let a = lower(l)
        if l.type == .integer && r.type == .integer {
            if case .integer(let k)? = r.constant {
                return { f throws(EvaluationError) in
                    guard case .integer(let x) = try a(f) else { throw .internalError(at: at) }
                    return .bool(op.holds(x < k ? -1 : (x == k ? 0 : 1)))
                }
            }
            let b = lower(r)
            return { f throws(EvaluationError) in
                guard case .integer(let x) = try a(f), case .integer(let y) = try b(f) else { throw .internalError(at: at) }
                return .bool(op.holds(x < y ? -1 : (x == y ? 0 : 1)))
            }
        }
        if l.type.isNumeric && r.type.isNumeric {
            if let k = r.constant?.decimalValue {
                return { f throws(EvaluationError) in .bool(op.holds(DecimalMath.compare(try number(a(f), at), k))) }
            }
            let b = lower(r)
            return { f throws(EvaluationError) in
                .bool(op.holds(DecimalMath.compare(try number(a(f), at), try number(b(f), at))))
            }
        }
        let b = lower(r)
        return { f throws(EvaluationError) in
            guard let order = ValueOrder.compare(try a(f), try b(f)) else { throw .internalError(at: at) }
            return .bool(op.holds(order))
        }
    }

    static func inRange(_ v: TypedExpression, _ low: TypedExpression, _ high: TypedExpression, halfOpen: Bool,
                        negated: Bool, _ at: SourceLocation) -> Evaluator {
        let x = lower(v)
        if v.type == .integer, case .integer(let lo)? = low.constant, case .integer(let hi)? = high.constant {
            return { f throws(EvaluationError) in
                guard case .integer(let n) = try x(f) else { throw .internalError(at: at) }
                let inside = n >= lo && (halfOpen ? n < hi : n <= hi)
                return .bool(inside != negated)
            }
        }
        let lo = lower(low), hi = lower(high)
        return { f throws(EvaluationError) in
            let n = try x(f)
            guard let below = ValueOrder.compare(n, try lo(f)), let above = ValueOrder.compare(n, try hi(f)) else {
                throw .internalError(at: at)
            }
            let inside = below >= 0 && (halfOpen ? above < 0 : above <= 0)
            return .bool(inside != negated)
        }
    }

    static func inList(_ v: TypedExpression, _ list: TypedExpression, negated: Bool, _ at: SourceLocation) -> Evaluator {
        let x = lower(v), items = lower(list)
        if case .list(let constants)? = list.constant {
            let strings = constants.compactMap(\.stringValue)
            if strings.count == constants.count {
                return { f throws(EvaluationError) in
                    guard case .string(let s) = try x(f) else { throw .internalError(at: at) }
                    return .bool(strings.contains(s) != negated)
                }
            }
        }
        return { f throws(EvaluationError) in
            let value = try x(f)
            guard case .list(let values) = try items(f) else { throw .internalError(at: at) }
            let found = values.contains { ValueOrder.equal($0, value) }
            return .bool(found != negated)
        }
    }
}
