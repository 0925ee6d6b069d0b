import Rules

/// A workflow as its ops team wrote it in `workflows/<name>.yaml`, filled in by a loader and not yet
/// checked: states, their transitions on named events, the context guards read, and where each
/// piece is written.
public struct WorkflowDefinition: Hashable, Sendable {
    /// The workflow's name, e.g. `retail-origination`.
    public var name: Sourced<String>
    /// The path shown in diagnostics.
    public var file: String
    /// Where the definition starts (the file's first key).
    public var location: SourceLocation
    public var description: String?
    /// Typed inputs that guards may read, in declaration order.
    public var context: [ContextInputDefinition]
    /// Every event the workflow handles; `on:` keys and timers must name one of them.
    public var events: [Sourced<String>]
    /// The state a new instance starts in.
    public var initial: Sourced<String>
    /// States in file order.
    public var states: [StateDefinition]

    public init(name: Sourced<String>, file: String, location: SourceLocation, description: String? = nil,
                context: [ContextInputDefinition] = [], events: [Sourced<String>], initial: Sourced<String>,
                states: [StateDefinition]) {
        self.name = name
        self.file = file
        self.location = location
        self.description = description
        self.context = context
        self.events = events
        self.initial = initial
        self.states = states
    }
}

/// One typed input of a workflow's context, e.g. `amount: money`.
public struct ContextInputDefinition: Hashable, Sendable {
    public var name: Sourced<String>
    /// The type as written (`money`, `enum(approve, refer, reject)`), located for diagnostics.
    public var type: ExpressionSource

    public init(name: Sourced<String>, type: ExpressionSource) {
        self.name = name
        self.type = type
    }
}
