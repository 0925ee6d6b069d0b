/// What a workflow may refer to outside itself: the actions drivers perform and the staff roles
/// that exist. The catalog supplies it (roles from `policies/roles.yaml` once that file exists).
public struct WorkflowVocabulary: Hashable, Sendable {
    public var actions: ActionRegistry
    /// Role names, in the order they are listed.
    public var roles: [String]

    public init(actions: ActionRegistry = .standard, roles: [String] = WorkflowVocabulary.standardRoles) {
        self.actions = actions
        self.roles = roles
    }

    /// The staff roles of a lender, as `policies/roles.yaml` will list them.
    public static let standardRoles = [
        "loan-officer", "credit-analyst", "credit-manager", "operations", "collections", "finance", "auditor", "admin",
    ]

    /// Standard actions and roles.
    public static let standard = WorkflowVocabulary()
}
