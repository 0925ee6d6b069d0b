/// One step of a policy's evaluation, in dependency order.
enum PolicyStep: Sendable {
    case derived(name: String, slot: Int, evaluator: CompiledNode)
    case table(CompiledTable)
}

/// A compiled rule: its condition and the reason it gives when the condition holds.
struct CompiledRule: Sendable {
    let reason: Reason
    let condition: CompiledCondition
    let location: SourceLocation
}

/// A compiled rule condition, returning a plain `Bool`.
struct CompiledCondition: Sendable {
    let test: BoolEvaluator

    init(_ typed: TypedExpression) { test = ExpressionLowering.lowerBool(typed) }
}

/// An underwriting or pricing policy ready to evaluate: immutable, shareable across threads,
/// with every name resolved to a slot. Build it with `PolicyCompiler.compile`.
public struct CompiledPolicy: Sendable {
    public let name: String
    /// The declared inputs, in slot order.
    public let declarations: Declarations
    /// Types of the outputs, by name.
    public let outputTypes: [String: RuleType]
    let program: PolicyProgram

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
        return try program.evaluate(inputs, trace: trace)
    }

    /// Decides one application from inputs given by name (names not declared are ignored).
    public func evaluate(inputs: [String: Value], trace: Bool = false) throws(EvaluationError) -> Decision {
        try evaluate(InputValues(declarations, inputs), trace: trace)
    }
}

/// A run of steps as one closure.
struct StepChain: Sendable {
    let run: @Sendable (Frame) throws(EvaluationError) -> Void
}

/// The executable part of a compiled policy. A class, so an evaluation copies nothing. Steps and
/// rule conditions run as chains of closures (each calls the next: no array access, no reference
/// counting per step), cut into segments of at most `segmentLength` so the stack stays shallow.
/// Each rule writes whether it fired into its own slot.
final class PolicyProgram: Sendable {
    static let segmentLength = 32

    let binder: InputBinder
    let steps: [PolicyStep]
    let stepChains: [StepChain]
    let ruleChains: [StepChain]
    let conditions: ContiguousArray<CompiledCondition>
    let rules: [CompiledRule]
    /// Slot of the first rule's result; rule `i` writes `.bool` to `ruleBase + i`.
    let ruleBase: Int
    let outputNames: [String]
    let outputSlots: [Int]
    let defaultOutcome: Outcome
    let frameSize: Int
    /// Slots that may hold a string, list or record, released after each evaluation.
    let referenceSlots: [Int]

    init(binder: InputBinder, steps: [PolicyStep], rules: [CompiledRule], outputNames: [String], outputSlots: [Int],
         defaultOutcome: Outcome, slotCount: Int, referenceSlots: [Int]) {
        self.referenceSlots = referenceSlots
        self.binder = binder
        self.steps = steps
        self.rules = rules
        self.outputNames = outputNames
        self.outputSlots = outputSlots
        self.defaultOutcome = defaultOutcome
        ruleBase = slotCount
        frameSize = slotCount + rules.count
        stepChains = PolicyProgram.segments(steps.count) { i, next in PolicyProgram.link(steps[i], next) }
        let conditions = rules.map(\.condition)
        self.conditions = ContiguousArray(conditions)
        ruleChains = PolicyProgram.segments(rules.count) { i, next in
            PolicyProgram.link(condition: conditions[i], slot: slotCount + i, next)
        }
    }

    typealias Chain = @Sendable (Frame) throws(EvaluationError) -> Void

    private static func link(_ step: PolicyStep, _ next: @escaping Chain) -> Chain {
        switch step {
        case .derived(_, let slot, let node):
            let evaluator = node.evaluate
            return { f throws(EvaluationError) in
                f.slots[slot] = try evaluator(f)
                try next(f)
            }
        case .table(let table):
            return { f throws(EvaluationError) in
                _ = try table.evaluate(f, record: false)
                try next(f)
            }
        }
    }

    private static func link(condition: CompiledCondition, slot: Int, _ next: @escaping Chain) -> Chain {
        let test = condition.test
        return { f throws(EvaluationError) in
            f.slots[slot] = .bool(try test(f))
            try next(f)
        }
    }

    /// `count` links chained in segments; `make(i, next)` builds link `i` in front of `next`.
    private static func segments(_ count: Int, _ make: (Int, @escaping Chain) -> Chain) -> [StepChain] {
        var chains: [StepChain] = []
        var start = 0
        while start < count {
            let end = min(count, start + segmentLength)
            var chain: Chain = { _ in }
            for i in (start..<end).reversed() { chain = make(i, chain) }
            chains.append(StepChain(run: chain))
            start = end
        }
        return chains
    }

    func evaluate(_ inputs: InputValues, trace: Bool) throws(EvaluationError) -> Decision {
        try Frame.with(count: frameSize, releasing: referenceSlots) { f throws(EvaluationError) in
            try binder.bind(inputs, into: f)
            var record: Trace? = nil
            if trace {
                record = try runTracing(f)
            } else {
                for chain in stepChains { try chain.run(f) }
            }
            var outcome: Outcome?
            var reasons: [Reason] = []
            for i in rules.indices {
                let fired = try conditions[i].test(f)
                if fired {
                    let reason = rules[i].reason
                    if reasons.isEmpty { reasons.reserveCapacity(min(rules.count, 8)) }
                    reasons.append(reason)
                    if outcome.map({ reason.outcome > $0 }) ?? true { outcome = reason.outcome }
                }
                if trace { record?.rules.append(Trace.RuleResult(id: rules[i].reason.ruleID, fired: fired)) }
            }
            var values: [Value] = []
            values.reserveCapacity(outputSlots.count)
            for slot in outputSlots { values.append(f.slots[slot]) }
            if trace { record?.inputs = binder.used.map { Trace.Entry(name: binder.names[$0], value: f.slots[$0]) } }
            return Decision(outcome: outcome ?? defaultOutcome, reasons: reasons,
                            outputs: PolicyOutputs(names: outputNames, values: values), trace: record)
        }
    }

    private func runTracing(_ f: Frame) throws(EvaluationError) -> Trace {
        var trace = Trace()
        for step in steps {
            switch step {
            case .derived(let name, let slot, let evaluator):
                f.slots[slot] = try evaluator.evaluate(f)
                trace.derived.append(Trace.Entry(name: name, value: f.slots[slot]))
            case .table(let table):
                let rows = try table.evaluate(f, record: true)
                trace.tables.append(Trace.TableResult(id: table.id, rows: rows.map { $0 + 1 }))
            }
        }
        return trace
    }
}
