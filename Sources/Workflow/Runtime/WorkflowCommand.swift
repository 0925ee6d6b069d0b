/// What a driver asks of a workflow instance.
public enum WorkflowCommand: Hashable, Sendable {
    /// An event happened or a user asked for it (`submit`, `approve`); under maker-checker this
    /// makes a request that waits for checkers.
    case fire(String)
    /// A checker approves the pending request for the event.
    case approve(String)
    /// A checker (or the maker) drops the pending request for the event.
    case decline(String)
    /// A scheduled timer of the current state is due: fire its event as the system.
    case timer(String)
}
