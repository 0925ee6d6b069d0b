/// The slots one evaluation reads and writes: inputs, derived values, table outputs and columns,
/// then the elements of list functions in scope. Slot numbers are fixed at compile time, so
/// evaluation never looks a name up.
struct Frame {
    let slots: UnsafeMutablePointer<Value>

    /// Runs `body` with `count` slots on the stack, all first set to `false`. Afterwards only the
    /// slots in `releasing` are deinitialised (all when nil): slots whose type holds no reference
    /// (numbers, amounts, dates) need no clean-up.
    static func with<R>(count: Int, releasing: [Int]? = nil, _ body: (Frame) throws(EvaluationError) -> R) throws(EvaluationError) -> R {
        try withUnsafeTemporaryAllocation(of: Value.self, capacity: max(1, count)) { buffer throws(EvaluationError) -> R in
            let base = buffer.baseAddress!
            base.initialize(repeating: .bool(false), count: buffer.count)
            defer {
                if let releasing {
                    for slot in releasing { (base + slot).deinitialize(count: 1) }
                } else {
                    base.deinitialize(count: buffer.count)
                }
            }
            return try body(Frame(slots: base))
        }
    }
}

/// A compiled expression: reads the frame, returns a value or an evaluation error.
typealias Evaluator = @Sendable (Frame) throws(EvaluationError) -> Value

/// A compiled expression kept in an array or optional. Wrapping the closure in a struct keeps it
/// at its own calling convention; a bare closure in a generic container is called through a
/// reabstraction thunk on every evaluation.
struct CompiledNode: Sendable {
    let evaluate: Evaluator

    init(_ evaluate: @escaping Evaluator) { self.evaluate = evaluate }
    init(_ typed: TypedExpression) { evaluate = ExpressionLowering.lower(typed) }
}
