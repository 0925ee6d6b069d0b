/// The `Authorizer` the server uses: a bearer token signed by `TokenSigner`, whose user still exists
/// and is not disabled, or a partner API key that is not revoked; then the route's permission.
public struct StaffAuthorizer: Authorizer {
    let store: any IdentityStore
    let signer: TokenSigner
    /// The roles in force (the current catalog's `policies/roles.yaml`; it may be reloaded).
    let policy: @Sendable () -> AccessPolicy
    /// Unix seconds now; infrastructure passes the wall clock, tests a fixed time.
    let now: @Sendable () -> Int64

    public init(store: any IdentityStore, signer: TokenSigner, policy: @escaping @Sendable () -> AccessPolicy,
                now: @escaping @Sendable () -> Int64) {
        self.store = store
        self.signer = signer
        self.policy = policy
        self.now = now
    }

    public func authorize(_ credentials: Credentials, for permission: Permission) throws(AuthorizationError)
        -> Principal
    {
        let principal = try authenticate(credentials)
        guard principal.may(permission) else { throw .forbidden(principal: principal.id, missing: permission) }
        return principal
    }

    /// Who the credentials belong to, whatever they may do.
    public func authenticate(_ credentials: Credentials) throws(AuthorizationError) -> Principal {
        switch (credentials.bearerToken, credentials.apiKey) {
        case (let token?, nil): return try staff(token)
        case (nil, let key?): return try partner(key)
        case (nil, nil): throw .unauthenticated("send a bearer token or an X-API-Key")
        case (_?, _?): throw .unauthenticated("send a bearer token or an X-API-Key, not both")
        }
    }

    func staff(_ text: String) throws(AuthorizationError) -> Principal {
        let token: AccessToken
        switch signer.verify(text, now: now()) {
        case .success(let verified): token = verified
        case .failure(let error): throw .unauthenticated(error.description)
        }
        let stored: StaffUser?
        do { stored = try store.user(token.userID) } catch { throw .unauthenticated("the user store is unavailable") }
        guard let user = stored, !user.disabled else { throw .unauthenticated("the token's user is disabled or gone") }
        // A role removed since sign-in stops at once; a role added needs a new sign-in.
        let roles = token.roles.filter(user.roles.contains)
        return Principal(id: user.id, kind: .staff, roles: roles, permissions: policy().permissions(of: roles))
    }

    func partner(_ text: String) throws(AuthorizationError) -> Principal {
        guard let id = APIKey.id(of: text) else { throw .unauthenticated("the API key is malformed") }
        let stored: APIKey?
        do { stored = try store.apiKey(id) } catch { throw .unauthenticated("the key store is unavailable") }
        guard let key = stored, key.accepts(text) else { throw .unauthenticated("the API key is unknown or revoked") }
        return Principal(id: key.id, kind: .partner, roles: [], permissions: key.scopes)
    }
}
