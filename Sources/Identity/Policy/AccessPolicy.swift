/// One staff role of `policies/roles.yaml`: what it is for and the permissions it grants.
public struct RoleDefinition: Sendable, Hashable {
    /// The role's id, e.g. `credit-manager`.
    public let id: String
    public let description: String
    public let permissions: Set<Permission>

    public init(id: String, description: String, permissions: Set<Permission>) {
        self.id = id
        self.description = description
        self.permissions = permissions
    }
}

/// A maker-checker pair: one person requests, a different person approves (e.g. waivers).
public struct MakerCheckerPair: Sendable, Hashable {
    /// What is controlled, e.g. `waivers`.
    public let name: String
    public let request: Permission
    public let approve: Permission

    public init(name: String, request: Permission, approve: Permission) {
        self.name = name
        self.request = request
        self.approve = approve
    }
}

/// Sign-in settings: how long a token lives and when repeated failures lock an account.
public struct SignInSettings: Sendable, Hashable {
    public let tokenLifetimeSeconds: Int64
    /// Failed sign-ins in a row that lock the account.
    public let failedAttemptsBeforeLockout: Int
    public let lockoutSeconds: Int64

    public init(tokenLifetimeSeconds: Int64 = 15 * 60, failedAttemptsBeforeLockout: Int = 5,
                lockoutSeconds: Int64 = 30 * 60) {
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.failedAttemptsBeforeLockout = failedAttemptsBeforeLockout
        self.lockoutSeconds = lockoutSeconds
    }
}

/// Who may do what: the compiled `policies/roles.yaml`.
public struct AccessPolicy: Sendable, Hashable {
    /// Roles in file order.
    public let roles: [RoleDefinition]
    public let makerChecker: [MakerCheckerPair]
    public let signIn: SignInSettings

    public init(roles: [RoleDefinition], makerChecker: [MakerCheckerPair], signIn: SignInSettings) {
        self.roles = roles
        self.makerChecker = makerChecker
        self.signIn = signIn
    }

    /// A policy in which no role grants anything (used when a tree has no `roles.yaml`).
    public static let empty = AccessPolicy(roles: [], makerChecker: [], signIn: SignInSettings())

    /// The role called `id`.
    public func role(_ id: String) -> RoleDefinition? { roles.first { $0.id == id } }

    /// The union of what `roleIDs` grant; unknown roles grant nothing.
    public func permissions(of roleIDs: [String]) -> Set<Permission> {
        roleIDs.reduce(into: Set<Permission>()) { result, id in result.formUnion(role(id)?.permissions ?? []) }
    }

    /// The maker-checker pair `permission` belongs to, if any.
    public func pair(of permission: Permission) -> MakerCheckerPair? {
        makerChecker.first { $0.request == permission || $0.approve == permission }
    }
}
