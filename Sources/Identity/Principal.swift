/// Who is making a request, once their credentials are checked: a member of staff signed in with a
/// token, or a partner system with an API key.
public struct Principal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case staff
        case partner
    }

    /// The user name, or the API key's id; never a secret.
    public let id: String
    public let kind: Kind
    /// Role names from `policies/roles.yaml` (empty for a partner key).
    public let roles: [String]
    /// What the principal may do: the union of its roles' permissions, or the key's scopes.
    public let permissions: Set<Permission>

    public init(id: String, kind: Kind, roles: [String], permissions: Set<Permission>) {
        self.id = id
        self.kind = kind
        self.roles = roles
        self.permissions = permissions
    }

    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }
}
