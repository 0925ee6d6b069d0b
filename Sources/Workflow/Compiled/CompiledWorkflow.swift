import Rules

/// A checked workflow: states with their transitions, guards compiled to closures, ready for the
/// runtime. Built only by `WorkflowCompiler`; immutable.
public struct CompiledWorkflow: Sendable {
    public let name: String
    /// The path it was compiled from, as shown in diagnostics.
    public let file: String
    public let initialState: String
    /// State names in file order.
    public let stateNames: [String]
    /// States by name.
    public let states: [String: CompiledState]
    /// Every event the workflow handles, as declared.
    public let events: [String]
    /// The typed inputs guards read.
    public let context: Declarations

    /// The state called `name`.
    public func state(_ name: String) -> CompiledState? { states[name] }

    /// Names of the final states, in file order.
    public var finalStates: [String] { stateNames.filter { states[$0]?.isFinal == true } }
}

/// One state of a compiled workflow.
public struct CompiledState: Sendable {
    public let name: String
    public let isFinal: Bool
    /// Actions to perform on each entry, in order.
    public let entryActions: [WorkflowAction]
    /// Timers started on entry.
    public let timers: [WorkflowTimer]
    /// Transitions by event.
    public let transitions: [String: CompiledTransition]

    /// The events this state handles, sorted.
    public var events: [String] { transitions.keys.sorted() }
}

/// A compiled transition: target, guard, roles, maker-checker rule and actions.
public struct CompiledTransition: Sendable {
    public let event: String
    public let target: String
    public let condition: CompiledCondition?
    /// Roles that may fire the event (any one); empty means anyone.
    public let roles: [String]
    public let makerChecker: CompiledMakerChecker?
    /// Actions performed on taking the transition, before the target's entry actions.
    public let actions: [WorkflowAction]
}

/// A compiled four-eyes rule: `checkers` distinct users holding one of `roles`, never the maker.
public struct CompiledMakerChecker: Sendable {
    public let checkers: Int
    public let roles: [String]
    /// When given, approval is needed only when it holds (evaluated when the maker fires the event).
    public let condition: CompiledCondition?
}

/// A boolean expression compiled from a workflow file, with its text for refusals and audits.
public struct CompiledCondition: Sendable {
    /// The expression as written, e.g. `amount > ₹10_00_000`.
    public let text: String
    public let location: SourceLocation
    let expression: CompiledExpression

    /// Whether the condition holds for `context`; a missing or ill-typed input is an error.
    public func holds(_ context: InputValues) throws(EvaluationError) -> Bool {
        try expression.evaluate(context) == .bool(true)
    }
}

/// A timer of a state: `after` in the state, the event it fires.
public struct WorkflowTimer: Hashable, Sendable, Codable {
    public let after: ISODuration
    public let event: String

    public init(after: ISODuration, event: String) {
        self.after = after
        self.event = event
    }
}

/// An action the runtime returns for a driver to perform, e.g. `document.render: kfs`.
public struct WorkflowAction: Hashable, Sendable, Codable, CustomStringConvertible {
    public let name: String
    public let argument: String?

    public init(_ name: String, _ argument: String? = nil) {
        self.name = name
        self.argument = argument
    }

    /// `name` or `name: argument`, as written in workflow files.
    public var description: String { argument.map { "\(name): \($0)" } ?? name }
}
