/// One step of a policy's evaluation, in dependency order.
enum PolicyStep: Sendable {
    case derived(name: String, slot: Int, evaluator: Evaluator)
    case table(CompiledTable)
}

/// A compiled rule: its condition and the reason it gives when the condition holds.
struct CompiledRule: Sendable {
    let reason: Reason
    let condition: Evaluator
    let location: SourceLocation
}

/// An underwriting or pricing policy ready to evaluate: immutable, shareable across threads,
/// with every name resolved to a slot. Build it with `PolicyCompiler.compile`.
public struct CompiledPolicy: Sendable {
    public let name: String
    /// The declared inputs, in slot order.
    public let declarations: Declarations
    /// Types of the outputs, by name.
    public let outputTypes: [String: RuleType]
    let usedInputs: [Int]
    let steps: [PolicyStep]
    let rules: [CompiledRule]
    let outputNames: [String]
    let outputSlots: [Int]
    let defaultOutcome: Outcome
    let frameSize: Int
    let limits: CompileLimits

    /// The slot of the input called `name`, to set inputs without hashing names per evaluation.
    public func inputSlot(named name: String) -> InputSlot? { declarations.slot(named: name) }

    /// Empty inputs for this policy, to fill by slot.
    public func makeInputs() -> InputValues { InputValues(declarations) }

    /// Decides one application. Throws for a missing or ill-typed input and for run-time faults
    /// (overflow, division by zero, two rows of a unique table matching), never traps.
    public func evaluate(_ inputs: InputValues, trace: Bool = false) throws(EvaluationError) -> Decision {
        guard inputs.declarations == declarations else {
            throw EvaluationError(.invalidInput(""), at: nil, "inputs were made for a different policy than '\(name)'")
        }
        return try Frame.with(count: frameSize) { frame throws(EvaluationError) in
            try InputConformance.bind(inputs, used: usedInputs, into: frame, limits: limits)
            return try run(frame, trace: trace)
        }
    }

    /// Decides one application from inputs given by name (names not declared are ignored).
    public func evaluate(inputs: [String: Value], trace: Bool = false) throws(EvaluationError) -> Decision {
        try evaluate(InputValues(declarations, inputs), trace: trace)
    }

    private func run(_ f: Frame, trace wantTrace: Bool) throws(EvaluationError) -> Decision {
        var trace: Trace? = wantTrace ? Trace() : nil
        for step in steps {
            switch step {
            case .derived(let name, let slot, let evaluator):
                f.slots[slot] = try evaluator(f)
                if wantTrace { trace?.derived.append(Trace.Entry(name: name, value: f.slots[slot])) }
            case .table(let table):
                let rows = try table.evaluate(f, record: wantTrace)
                if wantTrace { trace?.tables.append(Trace.TableResult(id: table.id, rows: rows.map { $0 + 1 })) }
            }
        }
        var outcome: Outcome?
        var reasons: [Reason] = []
        for rule in rules {
            let fired = try ExpressionLowering.bool(rule.condition(f), rule.location)
            if fired {
                reasons.append(rule.reason)
                if outcome.map({ rule.reason.outcome > $0 }) ?? true { outcome = rule.reason.outcome }
            }
            if wantTrace { trace?.rules.append(Trace.RuleResult(id: rule.reason.ruleID, fired: fired)) }
        }
        var values: [Value] = []
        values.reserveCapacity(outputSlots.count)
        for slot in outputSlots { values.append(f.slots[slot]) }
        if wantTrace {
            trace?.inputs = usedInputs.map { Trace.Entry(name: declarations.names[$0], value: f.slots[$0]) }
        }
        return Decision(outcome: outcome ?? defaultOutcome, reasons: reasons,
                        outputs: PolicyOutputs(names: outputNames, values: values), trace: trace)
    }
}
