import Rules
import Testing
import Workflow

/// One transition to take: from a state, an event fired by an actor (and approved by checkers),
/// the state reached and the actions returned, as the workflow file says they should be.
struct TransitionRow: Sendable, CustomTestStringConvertible {
    var from: String
    var event: String
    var by: WorkflowActor
    var checkers: [WorkflowActor] = []
    var context: [String: Value?] = [:]
    var to: String
    var actions: [String] = []

    var key: TransitionKey { TransitionKey(state: from, event: event) }
    var testDescription: String { "\(from) --\(event)--> \(to)" }
}

/// One command that must be refused, and the refusal.
struct RefusalRow: Sendable, CustomTestStringConvertible {
    var state: String
    var command: WorkflowCommand
    var by: WorkflowActor
    var context: [String: Value?] = [:]
    var refusal: WorkflowRefusal

    /// The transition whose guard or roles the row exercises.
    var key: TransitionKey? {
        guard case .fire(let event) = command else { return nil }
        return TransitionKey(state: state, event: event)
    }

    var testDescription: String { "\(state) \(command): \(refusal)" }
}

/// One timer: the state it runs in, what it fires after how long, where it leads.
struct TimerRow: Sendable, CustomTestStringConvertible {
    var state: String
    var event: String
    var afterSeconds: Int64
    var to: String
    var actions: [String] = []

    var key: TransitionKey { TransitionKey(state: state, event: event) }
    var testDescription: String { "\(state): after \(afterSeconds)s \(event) --> \(to)" }
}

extension Harness {
    /// Takes the row's transition and checks the state, the actions and the audit record.
    func check(_ row: TransitionRow) throws {
        let step = try take(.fire(row.event), from: row.from, by: row.by, checkers: row.checkers, context: row.context)
        #expect(step.instance.state == row.to)
        #expect(step.actions.map(\.description) == row.actions)
        let expected = WorkflowMove(event: row.event, from: row.from, to: row.to, actor: row.by.id,
                                    checkers: row.checkers.map(\.id))
        #expect(step.change == .moved(expected))
        #expect(step.instance.pendingApprovals.isEmpty)
        #expect(step.timersCancelled == instance(in: row.from).timers)
        #expect(step.timersStarted == instance(in: row.to).timers)
        #expect(step.instance.timers == step.timersStarted)
    }

    /// Sends the row's command and checks the refusal.
    func check(_ row: RefusalRow) {
        #expect(refusal(row.command, in: row.state, by: row.by, context: row.context) == row.refusal)
    }

    /// Enters the row's state, checks its timer is due exactly `afterSeconds` later, refused a
    /// second before, fired at the instant.
    func check(_ row: TimerRow) throws {
        var instance = self.instance(in: row.state)
        let due = t0.plus(seconds: row.afterSeconds)
        #expect(instance.timers.contains(ScheduledTimer(event: row.event, state: row.state, due: due)))
        #expect(workflow.dueTimers(of: instance, at: due.plus(seconds: -1)).allSatisfy { $0.event != row.event })
        #expect(workflow.dueTimers(of: instance, at: due).contains { $0.event == row.event })
        let early = instance.apply(.timer(row.event), in: workflow, by: .system, context: baseContext,
                                   at: due.plus(seconds: -1))
        #expect(early == .refused(.timerNotDue(event: row.event, due: due)))
        let before = instance
        let step = try #require(instance.apply(.timer(row.event), in: workflow, by: .system, context: baseContext,
                                               at: due).step)
        #expect(step.instance.state == row.to)
        #expect(step.instance.enteredAt == due)
        #expect(step.actions.map(\.description) == row.actions)
        #expect(step.change == .moved(WorkflowMove(event: row.event, from: row.state, to: row.to, actor: "system")))
        #expect(step.timersCancelled == before.timers)
    }

    /// Checks that the tables cover every transition and timer, and every guard and role
    /// restriction with a refusal.
    func checkCoverage(transitions: [TransitionRow], refusals: [RefusalRow], timers: [TimerRow]) {
        #expect(Set(transitions.map(\.key)) == workflow.transitionKeys)
        #expect(Set(timers.map(\.key)) == workflow.timerKeys)
        let guarded = Set(refusals.filter { if case .guardFalse = $0.refusal { return true } else { return false } }
            .compactMap(\.key))
        #expect(workflow.guardedKeys.subtracting(guarded) == [], "guards without a refusal case")
        let restricted = Set(refusals.filter { if case .roleMissing = $0.refusal { return true } else { return false } }
            .compactMap(\.key))
        #expect(workflow.roleKeys.subtracting(restricted) == [], "roles without a refusal case")
    }
}
