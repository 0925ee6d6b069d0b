import Rules
import Testing
import Workflow

/// Drives one compiled workflow in tests: instances placed in a state, transitions taken with their
/// approvals, refusals read. Pure: no clock, no I/O.
struct Harness {
    let workflow: CompiledWorkflow
    /// A context under which the happy path's guards hold; cases override single inputs.
    let baseContext: [String: Value]

    /// An instance that entered `state` at `now`, with that state's timers running.
    func instance(in state: String, at now: Instant = t0) -> WorkflowInstance {
        let timers = (workflow.state(state)?.timers ?? []).map {
            ScheduledTimer(event: $0.event, state: state, due: now.adding($0.after))
        }
        return WorkflowInstance(workflow: workflow.name, state: state, enteredAt: now, timers: timers)
    }

    /// The base context with `overrides` applied (a `nil` value removes the input).
    func context(_ overrides: [String: Value?]) -> [String: Value] {
        var context = baseContext
        for (name, value) in overrides { context[name] = value }
        return context
    }

    /// Fires `command` from `state` and has each of `checkers` approve; the step that moves.
    func take(_ command: WorkflowCommand, from state: String, by actor: WorkflowActor, checkers: [WorkflowActor] = [],
              context overrides: [String: Value?] = [:], at now: Instant = t0) throws -> WorkflowStep {
        var instance = self.instance(in: state, at: now)
        let context = self.context(overrides)
        var outcome = instance.apply(command, in: workflow, by: actor, context: context, at: now)
        guard case .fire(let event) = command, !checkers.isEmpty else {
            return try #require(outcome.step, "\(outcome)")
        }
        for checker in checkers {
            let step = try #require(outcome.step, "\(state) \(event): \(outcome)")
            switch step.change {
            case .approvalRequested, .approvalRecorded: break
            default:
                Issue.record("\(state) \(event): expected a pending approval, got \(step.change)")
                return step
            }
            outcome = instance.apply(.approve(event), in: workflow, by: checker, context: context, at: now)
        }
        return try #require(outcome.step, "\(state) \(event): \(outcome)")
    }

    /// The refusal of `command` in `state`; records an issue when it is accepted.
    func refusal(_ command: WorkflowCommand, in state: String, by actor: WorkflowActor,
                 context overrides: [String: Value?] = [:], at now: Instant = t0) -> WorkflowRefusal? {
        let instance = self.instance(in: state)
        let outcome = workflow.apply(command, to: instance, by: actor, context: context(overrides), at: now)
        if outcome.refusal == nil { Issue.record("\(state) \(command): accepted, expected a refusal") }
        return outcome.refusal
    }
}

/// A state and an event of a workflow: one transition.
struct TransitionKey: Hashable, CustomStringConvertible {
    var state: String
    var event: String
    var description: String { "\(state) --\(event)-->" }
}

extension CompiledWorkflow {
    /// Every transition of the workflow.
    var transitionKeys: Set<TransitionKey> {
        keys { state in Array(state.transitions.values) }
    }

    /// Transitions with a guard.
    var guardedKeys: Set<TransitionKey> {
        keys { state in state.transitions.values.filter { $0.condition != nil } }
    }

    /// Transitions restricted to roles.
    var roleKeys: Set<TransitionKey> {
        keys { state in state.transitions.values.filter { !$0.roles.isEmpty } }
    }

    /// The transitions `pick` chooses in each state.
    func keys(_ pick: (CompiledState) -> [CompiledTransition]) -> Set<TransitionKey> {
        Set(states.values.flatMap { state in pick(state).map { TransitionKey(state: state.name, event: $0.event) } })
    }

    /// Every timer, as the state it runs in and the event it fires.
    var timerKeys: Set<TransitionKey> {
        Set(states.values.flatMap { state in state.timers.map { TransitionKey(state: state.name, event: $0.event) } })
    }
}
