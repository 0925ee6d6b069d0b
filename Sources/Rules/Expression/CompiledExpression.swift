/// One expression compiled on its own against declared inputs: a workflow guard, a template
/// binding, a fee formula. Parsed and checked once; evaluation runs closures over slots.
public struct CompiledExpression: Sendable {
    /// The expression's type.
    public let type: RuleType
    public let declarations: Declarations
    /// Slots of the inputs the expression reads.
    let usedInputs: [Int]
    let evaluator: Evaluator
    let frameSize: Int
    let limits: CompileLimits

    /// Compiles `source` against `declarations`, expecting a value of `expected` when given.
    public static func compile(_ source: ExpressionSource, declarations: Declarations, expecting expected: RuleType? = nil,
                               limits: CompileLimits = .standard) -> Result<CompiledExpression, DiagnosticsError> {
        let context = CheckContext(limits: limits, elementBase: declarations.count)
        let used = UsedSlots()
        let scope = NameScope(
            lookup: { name, _ in
                guard let slot = declarations.slot(named: name) else { return .missing }
                used.slots.insert(slot.index)
                return .value(slot: slot.index, type: declarations.types[slot.index], fractionalPaise: false)
            },
            names: { declarations.names })
        let typed = TypeChecker.check(source, scope: scope, context: context, expecting: expected)
        guard let typed, context.diagnostics.isEmpty else { return .failure(DiagnosticsError(context.diagnostics)) }
        let compiled = CompiledExpression(type: typed.type, declarations: declarations,
                                          usedInputs: used.slots.sorted(), evaluator: ExpressionLowering.lower(typed),
                                          frameSize: declarations.count + context.elementDepthUsed, limits: limits)
        return .success(compiled)
    }

    /// The expression's value for `inputs`.
    public func evaluate(_ inputs: InputValues) throws(EvaluationError) -> Value {
        try Frame.with(count: frameSize) { frame throws(EvaluationError) in
            try InputConformance.bind(inputs, used: usedInputs, into: frame, limits: limits)
            return try evaluator(frame)
        }
    }

    /// The expression's value for inputs given by name.
    public func evaluate(_ inputs: [String: Value]) throws(EvaluationError) -> Value {
        try evaluate(InputValues(declarations, inputs))
    }
}

/// Slots an expression reads, collected while checking.
final class UsedSlots {
    var slots: Set<Int> = []
}
