/// The result of one command: a step taken (with what the driver must do) or a precise refusal
/// that leaves the instance as it was.
public enum WorkflowOutcome: Hashable, Sendable {
    case stepped(WorkflowStep)
    case refused(WorkflowRefusal)

    /// The step, when the command was accepted.
    public var step: WorkflowStep? {
        if case .stepped(let step) = self { return step }
        return nil
    }

    /// The refusal, when the command was refused.
    public var refusal: WorkflowRefusal? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }
}

/// An accepted command: the instance after it, what changed, the actions to perform in order, and
/// the timers to schedule and cancel.
public struct WorkflowStep: Hashable, Sendable {
    public var instance: WorkflowInstance
    public var change: WorkflowChange
    /// The transition's actions, then the entered state's entry actions.
    public var actions: [WorkflowAction]
    public var timersStarted: [ScheduledTimer]
    public var timersCancelled: [ScheduledTimer]

    public init(instance: WorkflowInstance, change: WorkflowChange, actions: [WorkflowAction] = [],
                timersStarted: [ScheduledTimer] = [], timersCancelled: [ScheduledTimer] = []) {
        self.instance = instance
        self.change = change
        self.actions = actions
        self.timersStarted = timersStarted
        self.timersCancelled = timersCancelled
    }
}

/// What an accepted command changed.
public enum WorkflowChange: Hashable, Sendable {
    /// A new instance entered its initial state.
    case started(state: String)
    /// A transition was taken.
    case moved(WorkflowMove)
    /// A maker fired an event that needs approval; nothing moves until the checkers approve.
    case approvalRequested(event: String, maker: String, checkersNeeded: Int)
    /// A checker approved; more approvals are still needed.
    case approvalRecorded(event: String, checker: String, approvals: Int, checkersNeeded: Int)
    /// The pending request was dropped.
    case approvalDeclined(event: String, by: String)
}

/// A transition taken: by whom, and which checkers approved it (for the audit trail).
public struct WorkflowMove: Hashable, Sendable {
    public var event: String
    public var from: String
    public var to: String
    /// The user who fired the event (the maker, under maker-checker), or `system`.
    public var actor: String
    /// The checkers who approved, in order; empty without maker-checker.
    public var checkers: [String]

    public init(event: String, from: String, to: String, actor: String, checkers: [String] = []) {
        self.event = event
        self.from = from
        self.to = to
        self.actor = actor
        self.checkers = checkers
    }
}
