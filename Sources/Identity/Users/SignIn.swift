/// The outcome of a sign-in attempt that did not issue a token. The HTTP layer answers every case
/// but `.locked` with the same 401, so a caller cannot tell an unknown user from a wrong password.
public enum SignInRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidCredentials
    /// The password was right; the account has a second factor and no code was sent.
    case secondFactorRequired
    /// Too many failures: refused until this Unix time.
    case locked(until: Int64)

    public var description: String {
        switch self {
        case .invalidCredentials: "unknown user or wrong password or code"
        case .secondFactorRequired: "this account needs a one-time code (totp)"
        case .locked: "the account is locked after repeated failed sign-ins; try again later"
        }
    }
}

/// A successful sign-in: the bearer token and what it says.
public struct SignInGrant: Sendable, Hashable {
    public let bearerToken: String
    public let token: AccessToken
}

/// Signs staff in: password (scrypt), then the TOTP code when the user has one, with lock-out after
/// repeated failures. Time is an input; the store's `modifyUser` makes the counting atomic.
public struct SignInService: Sendable {
    let store: any IdentityStore
    let signer: TokenSigner
    let hasher: PasswordHasher
    /// A hash verified for unknown users, so their answer takes as long as a wrong password's.
    let decoyHash: String

    public init(store: any IdentityStore, signer: TokenSigner, hasher: PasswordHasher = PasswordHasher()) throws {
        self.store = store
        self.signer = signer
        self.hasher = hasher
        self.decoyHash = try hasher.hash("decoy password", salt: Array(repeating: 0, count: 16))
    }

    /// A token for `userID` at Unix time `now`, or why not.
    public func signIn(userID: String, password: String, totp: String?, settings: SignInSettings, now: Int64)
        throws -> Result<SignInGrant, SignInRefusal>
    {
        guard let user = try store.user(userID), !user.disabled else {
            _ = PasswordHasher.verify(password, against: decoyHash)
            return .failure(.invalidCredentials)
        }
        if let until = user.lockedUntil, now < until { return .failure(.locked(until: until)) }
        guard PasswordHasher.verify(password, against: user.passwordHash) else {
            return try fail(userID, now: now, settings: settings)
        }
        var acceptedStep: Int64?
        if let secret = user.totpSecret.flatMap(Base32.decode) {
            guard let code = totp else { return .failure(.secondFactorRequired) }
            guard let step = TOTP(secret: secret).matchingStep(code, at: now, after: user.totpLastStep) else {
                return try fail(userID, now: now, settings: settings)
            }
            acceptedStep = step
        }
        let rehash = hasher.needsRehash(user.passwordHash) ? try hasher.hash(password) : nil
        let roles = try store.modifyUser(userID) { stored -> [String] in
            stored.recordSuccess()
            if let acceptedStep { stored.totpLastStep = acceptedStep }
            if let rehash { stored.passwordHash = rehash }
            return stored.roles
        } ?? user.roles
        let expiresAt = now + settings.tokenLifetimeSeconds
        let token = AccessToken(userID: userID, roles: roles, issuedAt: now, expiresAt: expiresAt,
                                tokenID: Hex.encode(SecureRandom.bytes(12)))
        return .success(SignInGrant(bearerToken: signer.sign(token), token: token))
    }

    func fail(_ userID: String, now: Int64, settings: SignInSettings) throws -> Result<SignInGrant, SignInRefusal> {
        let effect = try store.modifyUser(userID) { $0.recordFailure(at: now, settings: settings) }
        if case .locked(let until)? = effect { return .failure(.locked(until: until)) }
        return .failure(.invalidCredentials)
    }
}
