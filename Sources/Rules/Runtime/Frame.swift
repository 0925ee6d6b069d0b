/// The slots one evaluation reads and writes: inputs, derived values, table outputs and columns,
/// then the elements of list functions in scope. Slot numbers are fixed at compile time, so
/// evaluation never looks a name up.
struct Frame {
    let slots: UnsafeMutablePointer<Value>

    /// Runs `body` with `count` slots on the stack, all first set to `false`.
    static func with<R>(count: Int, _ body: (Frame) throws(EvaluationError) -> R) throws(EvaluationError) -> R {
        try withUnsafeTemporaryAllocation(of: Value.self, capacity: max(1, count)) { buffer throws(EvaluationError) -> R in
            let base = buffer.baseAddress!
            base.initialize(repeating: .bool(false), count: buffer.count)
            defer { base.deinitialize(count: buffer.count) }
            return try body(Frame(slots: base))
        }
    }
}

/// A compiled expression: reads the frame, returns a value or an evaluation error.
typealias Evaluator = @Sendable (Frame) throws(EvaluationError) -> Value
