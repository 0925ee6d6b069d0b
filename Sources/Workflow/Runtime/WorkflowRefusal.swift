/// Why a command was refused, precisely enough to show a user or log; names users, events and
/// states, never borrower data or context values.
public enum WorkflowRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The instance belongs to another workflow.
    case wrongWorkflow(expected: String, found: String)
    /// The instance is in a state this workflow does not have (e.g. stored under another version).
    case unknownState(String)
    /// The workflow has no such event.
    case unknownEvent(String)
    /// The current state does not handle the event.
    case notHandled(event: String, state: String)
    /// The guard is false for this context; its text as written.
    case guardFalse(event: String, condition: String)
    /// The guard could not be evaluated: an input is missing or of the wrong type.
    case guardFailed(event: String, condition: String, reason: String)
    /// The actor holds none of the roles the transition requires.
    case roleMissing(event: String, actor: String, required: [String])
    /// A request for the event already waits for approval.
    case approvalPending(event: String, maker: String)
    /// No request for the event waits for approval.
    case noApprovalPending(event: String)
    /// The maker of a request can never check it.
    case makerCannotCheck(event: String, actor: String)
    /// The checker has already approved this request; checkers must be distinct.
    case alreadyApproved(event: String, actor: String)
    /// The actor holds none of the roles a checker needs.
    case checkerRoleMissing(event: String, actor: String, required: [String])
    /// The current state has no timer firing the event.
    case noTimer(event: String, state: String)
    /// The timer is not due yet.
    case timerNotDue(event: String, due: Instant)

    public var description: String {
        switch self {
        case .wrongWorkflow(let expected, let found): return "the instance belongs to `\(found)`, not `\(expected)`"
        case .unknownState(let state): return "the workflow has no state `\(state)`"
        case .unknownEvent(let event): return "the workflow has no event `\(event)`"
        case .notHandled(let event, let state): return "`\(event)` is not possible in the state `\(state)`"
        case .guardFalse(let event, let condition): return "`\(event)` needs `\(condition)`, which is false"
        case .guardFailed(let event, let condition, let reason):
            return "`\(event)` needs `\(condition)`, which cannot be evaluated: \(reason)"
        case .roleMissing(let event, let actor, let required):
            return "`\(actor)` may not fire `\(event)`: it needs one of the roles " + required.joined(separator: ", ")
        case .approvalPending(let event, let maker): return "`\(event)` by `\(maker)` is already waiting for approval"
        case .noApprovalPending(let event): return "no request for `\(event)` is waiting for approval"
        case .makerCannotCheck(let event, let actor):
            return "`\(actor)` made the request for `\(event)` and cannot check it"
        case .alreadyApproved(let event, let actor):
            return "`\(actor)` has already approved `\(event)`; another checker is needed"
        case .checkerRoleMissing(let event, let actor, let required):
            return "`\(actor)` may not check `\(event)`: a checker needs one of the roles "
                + required.joined(separator: ", ")
        case .noTimer(let event, let state): return "the state `\(state)` has no timer firing `\(event)`"
        case .timerNotDue(let event, let due): return "the timer firing `\(event)` is not due until \(due)"
        }
    }
}
