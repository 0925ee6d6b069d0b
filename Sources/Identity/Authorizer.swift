/// The credentials a request carried, taken from its headers by the HTTP layer.
public struct Credentials: Sendable, Hashable {
    /// The token of `Authorization: Bearer <token>`.
    public var bearerToken: String?
    /// The value of `X-API-Key`.
    public var apiKey: String?
    /// The peer address, for the audit log and lock-out; never used to grant anything.
    public var remoteAddress: String?

    public init(bearerToken: String? = nil, apiKey: String? = nil, remoteAddress: String? = nil) {
        self.bearerToken = bearerToken
        self.apiKey = apiKey
        self.remoteAddress = remoteAddress
    }
}

/// Why a request was refused before it reached its route.
public enum AuthorizationError: Error, Sendable, Hashable {
    /// No credentials, or credentials that are malformed, unknown, expired or revoked (HTTP 401).
    case unauthenticated(String)
    /// Valid credentials without the route's permission (HTTP 403).
    case forbidden(principal: String, missing: Permission)
}

/// Checks a request's credentials and the permission its route needs. The HTTP layer calls it on
/// every route but `/health`, `/openapi.json` and sign-in.
public protocol Authorizer: Sendable {
    func authorize(_ credentials: Credentials, for permission: Permission) throws(AuthorizationError) -> Principal
}
