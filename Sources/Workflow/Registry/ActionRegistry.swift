/// The actions a workflow may name, each saying whether it takes an argument. The runtime returns
/// actions as values; a driver (origination, servicing) performs them.
public struct ActionRegistry: Hashable, Sendable {
    /// What follows an action's name.
    public enum Argument: Hashable, Sendable {
        /// The action stands alone: `bureau.pull`.
        case none
        /// The action needs an argument, described for messages: `policy.evaluate: <a policy id>`.
        case required(String)
    }

    /// Argument rule by action name.
    public private(set) var actions: [String: Argument]

    public init(_ actions: [String: Argument]) { self.actions = actions }

    /// Action names, sorted.
    public var names: [String] { actions.keys.sorted() }

    /// The argument rule of `name`, or nil when the action is unknown.
    public func argument(of name: String) -> Argument? { actions[name] }
}

extension ActionRegistry {
    /// The actions the origination and servicing drivers perform today.
    public static let standard = ActionRegistry([
        "bureau.pull": .none,
        "kyc.verify": .none,
        "policy.evaluate": .required("a policy id"),
        "document.render": .required("a template name"),
        "notification.send": .required("a notification template"),
        "esign.request": .required("a template name"),
        "mandate.register": .none,
        "disbursement.initiate": .none,
        "loan.book": .none,
        "loan.restructure": .none,
        "loan.write-off": .none,
        "loan.settle": .none,
        "loan.waive": .none,
        "loan.close": .none,
        "collections.assign": .none,
        "invoice.request-confirmation": .none,
        "invoice.fund": .none,
        "invoice.close": .none,
        "invoice.recourse": .none,
    ])
}
