/// One expression compiled on its own against declared inputs: a workflow guard, a template
/// binding, a fee formula. Parsed and checked once; evaluation runs closures over slots.
public struct CompiledExpression: Sendable {
    /// The expression's type.
    public let type: RuleType
    /// Whether a money value may hold fractions of a paisa (a product or quotient not wrapped in
    /// `round()`): a caller that shows or stores the amount refuses it at compile time.
    public let mayHaveFractionalPaise: Bool
    public let declarations: Declarations
    let binder: InputBinder
    let evaluator: Evaluator
    let frameSize: Int

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
        let binder = InputBinder(declarations: declarations, used: used.slots.sorted(), limits: limits)
        let compiled = CompiledExpression(type: typed.type,
                                          mayHaveFractionalPaise: typed.type == .money && typed.fractionalPaise,
                                          declarations: declarations, binder: binder,
                                          evaluator: ExpressionLowering.lower(typed),
                                          frameSize: declarations.count + context.elementDepthUsed)
        return .success(compiled)
    }

    /// The expression's value for `inputs`.
    public func evaluate(_ inputs: InputValues) throws(EvaluationError) -> Value {
        try Frame.with(count: frameSize) { frame throws(EvaluationError) in
            try binder.bind(inputs, into: frame)
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
