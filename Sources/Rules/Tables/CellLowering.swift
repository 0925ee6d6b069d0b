import LoanMath

/// A compiled cell test for cells that are not plain constants: reads the frame, answers.
typealias CellTest = @Sendable (Frame) throws(EvaluationError) -> Bool

/// A compiled input cell. Constant integer, decimal and string cells (the usual shape of a
/// pricing table) are plain data checked by a switch, with no closure call or reference counting:
/// strings and closures sit in the table's side lists and the check holds their index.
enum CellCheck: Sendable {
    /// `low <= x <= high` on an integer column.
    case integerRange(slot: Int, low: Int64, high: Int64)
    case integerCompare(slot: Int, op: BinaryOperator, value: Int64)
    case decimalRange(slot: Int, low: ExactDecimal, high: ExactDecimal, halfOpen: Bool)
    case decimalCompare(slot: Int, op: BinaryOperator, value: ExactDecimal)
    /// Equality (or inequality when `equal` is false) with the constant string `strings[index]`.
    case stringEquals(slot: Int, index: Int, equal: Bool)
    /// Any other cell: `tests[index]`.
    case general(index: Int)

    @inline(__always)
    func accepts(_ f: Frame, strings: [String], tests: [CompiledCellTest], at: SourceLocation) throws(EvaluationError) -> Bool {
        switch self {
        case .integerRange(let slot, let low, let high):
            guard case .integer(let x) = f.slots[slot] else { throw .internalError(at: at) }
            return x >= low && x <= high
        case .integerCompare(let slot, let op, let k):
            guard case .integer(let x) = f.slots[slot] else { throw .internalError(at: at) }
            return op.holds(x < k ? -1 : (x == k ? 0 : 1))
        case .decimalRange(let slot, let low, let high, let halfOpen):
            let x = try ExpressionLowering.number(f.slots[slot], at)
            let above = DecimalMath.compare(x, high)
            return DecimalMath.compare(x, low) >= 0 && (halfOpen ? above < 0 : above <= 0)
        case .decimalCompare(let slot, let op, let k):
            return op.holds(DecimalMath.compare(try ExpressionLowering.number(f.slots[slot], at), k))
        case .stringEquals(let slot, let index, let equal):
            guard case .string(let s) = f.slots[slot] else { throw .internalError(at: at) }
            return (s == strings[index]) == equal
        case .general(let index):
            return try tests[index].test(f)
        }
    }
}

/// A general cell test kept in a table's list.
struct CompiledCellTest: Sendable {
    let test: CellTest
}

/// A cell check under construction: plain data, or a string or test to add to the table's lists.
enum LoweredCell: Sendable {
    case check(CellCheck)
    case string(slot: Int, value: String, equal: Bool)
    case test(CellTest)
}

/// Compiles checked cells to checks.
enum CellLowering {
    /// The check for `cell` on a column of type `column` held in `slot`; nil for a `-` cell.
    static func lower(_ cell: TypedCell, slot: Int, column: RuleType) -> LoweredCell? {
        switch cell {
        case .any:
            return nil
        case .comparison(let op, let bound):
            if column == .integer, case .integer(let k)? = bound.constant {
                return .check(.integerCompare(slot: slot, op: op, value: k))
            }
            if column.isNumeric, let k = bound.constant, k.isNumberLike || k.isDecimalLike, let d = k.decimalValue {
                return .check(.decimalCompare(slot: slot, op: op, value: d))
            }
            if case .string(let k)? = bound.constant, op == .equal || op == .notEqual {
                return .string(slot: slot, value: k, equal: op == .equal)
            }
            let b = ExpressionLowering.lower(bound), at = bound.location
            return .test { f throws(EvaluationError) in try generic(op, f.slots[slot], try b(f), at) }
        case .range(let low, let high, let halfOpen):
            if column == .integer, case .integer(let lo)? = low.constant, case .integer(let hi)? = high.constant {
                if halfOpen && hi == Int64.min { return .test { _ in false } }
                return .check(.integerRange(slot: slot, low: lo, high: halfOpen ? hi - 1 : hi))
            }
            if column.isNumeric, let lo = low.constant?.decimalValue, let hi = high.constant?.decimalValue,
               low.constant?.isNumeric == true, high.constant?.isNumeric == true {
                return .check(.decimalRange(slot: slot, low: lo, high: hi, halfOpen: halfOpen))
            }
            let lo = ExpressionLowering.lower(low), hi = ExpressionLowering.lower(high), at = low.location
            return .test { f throws(EvaluationError) in
                let x = f.slots[slot]
                guard let below = ValueOrder.compare(x, try lo(f)), let above = ValueOrder.compare(x, try hi(f)) else {
                    throw .internalError(at: at)
                }
                return below >= 0 && (halfOpen ? above < 0 : above <= 0)
            }
        case .list(let items, let negated):
            let parts = items.map(CompiledNode.init)
            return .test { f throws(EvaluationError) in
                let x = f.slots[slot]
                for i in parts.indices where ValueOrder.equal(x, try parts[i].evaluate(f)) { return !negated }
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

    /// An integer, decimal, money or rate.
    var isNumeric: Bool { isNumberLike || isDecimalLike }
}
