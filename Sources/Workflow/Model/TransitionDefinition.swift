import Rules

/// A transition as written: on `event`, go to `target` if the guard holds and the actor has a role.
public struct TransitionDefinition: Hashable, Sendable {
    /// The event's name where it is written (the key under `on:`).
    public var event: Sourced<String>
    public var target: Sourced<String>
    /// The `guard:` expression; it must be true for the transition to be taken.
    public var condition: ExpressionSource?
    /// Roles allowed to fire the event (any one of them); empty means anyone.
    public var roles: [Sourced<String>]
    public var makerChecker: MakerCheckerDefinition?
    /// Actions performed on taking the transition, before the target's entry actions.
    public var actions: [ActionDefinition]

    public init(event: Sourced<String>, target: Sourced<String>, condition: ExpressionSource? = nil,
                roles: [Sourced<String>] = [], makerChecker: MakerCheckerDefinition? = nil,
                actions: [ActionDefinition] = []) {
        self.event = event
        self.target = target
        self.condition = condition
        self.roles = roles
        self.makerChecker = makerChecker
        self.actions = actions
    }
}

/// Four-eyes approval as written: the transition waits for `checkers` distinct users holding one of
/// `roles`, none of them the maker; only when `condition` holds, if one is given.
public struct MakerCheckerDefinition: Hashable, Sendable {
    /// Where `maker_checker:` is written.
    public var location: SourceLocation
    /// Characters of the `maker_checker` key, for underlining.
    public var length: Int
    public var checkers: Sourced<Int>
    public var roles: [Sourced<String>]
    /// The `when:` expression; without it every firing needs approval.
    public var condition: ExpressionSource?

    /// Most distinct checkers a transition may require.
    public static let maxCheckers = 5

    public init(at location: SourceLocation, length: Int = 1, checkers: Sourced<Int>, roles: [Sourced<String>],
                condition: ExpressionSource? = nil) {
        self.location = location
        self.length = max(1, length)
        self.checkers = checkers
        self.roles = roles
        self.condition = condition
    }
}
