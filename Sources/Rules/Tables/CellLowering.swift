import LoanMath

/// A compiled cell test: reads its column's slot, answers whether the row's cell accepts it.
typealias CellTest = @Sendable (Frame) throws(EvaluationError) -> Bool

/// Compiles checked cells to tests, with fast paths for constant integer and decimal bounds
/// (the usual shape of a pricing table).
enum CellLowering {
    static func lower(_ cell: TypedCell, slot: Int, column: RuleType, at: SourceLocation) -> CellTest? {
        switch cell {
        case .any:
            return nil
        case .comparison(let op, let bound):
            if case .integer(let k)? = bound.constant {
                return { f throws(EvaluationError) in
                    guard case .integer(let x) = f.slots[slot] else { return try generic(op, f.slots[slot], .integer(k), at) }
                    return op.holds(x < k ? -1 : (x == k ? 0 : 1))
                }
            }
            if let k = bound.constant, k.isDecimalLike, let d = k.decimalValue {
                return { f throws(EvaluationError) in
                    op.holds(DecimalMath.compare(try ExpressionLowering.number(f.slots[slot], at), d))
                }
            }
            if case .string(let k)? = bound.constant, op == .equal || op == .notEqual {
                return { f throws(EvaluationError) in
                    guard case .string(let s) = f.slots[slot] else { throw .internalError(at: at) }
                    return (s == k) == (op == .equal)
                }
            }
            let b = ExpressionLowering.lower(bound)
            return { f throws(EvaluationError) in try generic(op, f.slots[slot], try b(f), at) }
        case .range(let low, let high, let halfOpen):
            if column == .integer, case .integer(let lo)? = low.constant, case .integer(let hi)? = high.constant {
                return { f throws(EvaluationError) in
                    guard case .integer(let x) = f.slots[slot] else { throw .internalError(at: at) }
                    return x >= lo && (halfOpen ? x < hi : x <= hi)
                }
            }
            if let l = low.constant, let h = high.constant, l.isDecimalLike, h.isDecimalLike,
               let lo = l.decimalValue, let hi = h.decimalValue {
                return { f throws(EvaluationError) in
                    let x = try ExpressionLowering.number(f.slots[slot], at)
                    let above = DecimalMath.compare(x, hi)
                    return DecimalMath.compare(x, lo) >= 0 && (halfOpen ? above < 0 : above <= 0)
                }
            }
            let lo = ExpressionLowering.lower(low), hi = ExpressionLowering.lower(high)
            return { f throws(EvaluationError) in
                let x = f.slots[slot]
                guard let below = ValueOrder.compare(x, try lo(f)), let above = ValueOrder.compare(x, try hi(f)) else {
                    throw .internalError(at: at)
                }
                return below >= 0 && (halfOpen ? above < 0 : above <= 0)
            }
        case .list(let items, let negated):
            let parts = items.map(ExpressionLowering.lower)
            return { f throws(EvaluationError) in
                let x = f.slots[slot]
                for part in parts where ValueOrder.equal(x, try part(f)) { return !negated }
                return negated
            }
        }
    }

    private static func generic(_ op: BinaryOperator, _ a: Value, _ b: Value, _ at: SourceLocation) throws(EvaluationError) -> Bool {
        guard let order = ValueOrder.compare(a, b) else { throw .internalError(at: at) }
        return op.holds(order)
    }
}

extension Value {
    /// A decimal, money or rate (compared by its number).
    var isDecimalLike: Bool {
        switch self {
        case .decimal, .money, .rate: return true
        default: return false
        }
    }
}
