/// One running workflow — an application, a loan, a restructuring — as plain data to store: its
/// state, when it entered it, its running timers and any approval waiting for checkers.
public struct WorkflowInstance: Hashable, Sendable, Codable {
    /// The workflow's name.
    public let workflow: String
    public internal(set) var state: String
    public internal(set) var enteredAt: Instant
    /// Timers of the current state, with their due instants.
    public internal(set) var timers: [ScheduledTimer]
    /// Maker-checker requests of the current state, waiting for checkers (one per event at most).
    public internal(set) var pendingApprovals: [PendingApproval]

    public init(workflow: String, state: String, enteredAt: Instant, timers: [ScheduledTimer] = [],
                pendingApprovals: [PendingApproval] = []) {
        self.workflow = workflow
        self.state = state
        self.enteredAt = enteredAt
        self.timers = timers
        self.pendingApprovals = pendingApprovals
    }

    /// The request waiting for approval of `event`, if any.
    public func pendingApproval(for event: String) -> PendingApproval? {
        pendingApprovals.first { $0.event == event }
    }
}

/// A timer that will fire `event` at `due` unless the instance leaves `state` first.
public struct ScheduledTimer: Hashable, Sendable, Codable {
    public let event: String
    public let state: String
    public let due: Instant

    public init(event: String, state: String, due: Instant) {
        self.event = event
        self.state = state
        self.due = due
    }
}

/// A maker's request to take a transition, waiting for distinct checkers.
public struct PendingApproval: Hashable, Sendable, Codable {
    public let event: String
    /// The user who fired the event.
    public let maker: String
    public let requestedAt: Instant
    public let checkersNeeded: Int
    /// Checkers who approved so far, in order.
    public internal(set) var approvedBy: [String]

    public init(event: String, maker: String, requestedAt: Instant, checkersNeeded: Int, approvedBy: [String] = []) {
        self.event = event
        self.maker = maker
        self.requestedAt = requestedAt
        self.checkersNeeded = checkersNeeded
        self.approvedBy = approvedBy
    }
}
