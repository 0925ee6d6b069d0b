import Identity

/// Until the Identity target's real authorizer (users, roles, tokens, API keys) is wired into
/// `lendline serve`: refuses everyone, so a server started without one exposes nothing.
public struct RefuseAllAuthorizer: Authorizer {
    public init() {}

    public func authorize(_ credentials: Credentials, for permission: Permission) throws(AuthorizationError)
        -> Principal
    {
        throw .unauthenticated("no authorizer is configured on this server")
    }
}

/// For development, benchmarks and API fuzzing only (`serve --dev-token`): one shared token that
/// grants every permission to the principal `developer`. Never for production.
public struct DevelopmentTokenAuthorizer: Authorizer {
    let token: String

    public init(token: String) { self.token = token }

    public func authorize(_ credentials: Credentials, for permission: Permission) throws(AuthorizationError)
        -> Principal
    {
        guard let given = credentials.bearerToken ?? credentials.apiKey else {
            throw .unauthenticated("no credentials")
        }
        guard given.utf8.count == token.utf8.count, zip(given.utf8, token.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else {
            throw .unauthenticated("unknown token")
        }
        return Principal(id: "developer", kind: .staff, roles: ["developer"], permissions: Set(Permission.allCases))
    }
}
