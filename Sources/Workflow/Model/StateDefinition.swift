/// One state of a workflow as written: what happens on entering it, its timers, and the events it
/// handles.
public struct StateDefinition: Hashable, Sendable {
    public var name: Sourced<String>
    /// A final state ends the workflow: it handles no events and has no timers.
    public var isFinal: Bool
    public var description: String?
    /// Actions the driver performs each time the state is entered.
    public var entry: [ActionDefinition]
    /// Timers started on entering the state and cancelled on leaving it.
    public var timers: [TimerDefinition]
    /// Transitions by event, in file order.
    public var transitions: [TransitionDefinition]

    public init(name: Sourced<String>, isFinal: Bool = false, description: String? = nil,
                entry: [ActionDefinition] = [], timers: [TimerDefinition] = [],
                transitions: [TransitionDefinition] = []) {
        self.name = name
        self.isFinal = isFinal
        self.description = description
        self.entry = entry
        self.timers = timers
        self.transitions = transitions
    }
}

/// A named action with its optional argument, e.g. `policy.evaluate: personal-loan-underwriting`.
public struct ActionDefinition: Hashable, Sendable {
    public var name: Sourced<String>
    public var argument: Sourced<String>?

    public init(name: Sourced<String>, argument: Sourced<String>? = nil) {
        self.name = name
        self.argument = argument
    }
}

/// A service-level timer: after `after` in the state, fire `event`.
public struct TimerDefinition: Hashable, Sendable {
    public var after: Sourced<ISODuration>
    public var event: Sourced<String>

    public init(after: Sourced<ISODuration>, event: Sourced<String>) {
        self.after = after
        self.event = event
    }
}
