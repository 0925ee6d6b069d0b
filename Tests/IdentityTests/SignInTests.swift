import Identity
import IdentitySQL
import LedgerTestSupport
import Testing

/// Sign-in, lock-out and the authorizer against a scratch SQLite database; times are inputs.
@Suite struct SignInTests {
    let settings = SignInSettings(tokenLifetimeSeconds: 900, failedAttemptsBeforeLockout: 3, lockoutSeconds: 600)
    let signer = TokenSigner(key: Array(repeating: 9, count: 32))
    let policy = AccessPolicy(
        roles: [RoleDefinition(id: "collections", description: "c", permissions: [.loansRead, .waiversRequest])],
        makerChecker: [], signIn: SignInSettings())

    func database() throws -> (IdentityDatabase, SignInService) {
        let db = try IdentityDatabase(.sqlite)
        try db.store.insertUser(StaffUser(id: "ravi", displayName: "Ravi", roles: ["collections"],
                                          passwordHash: try testHasher.hash("a long enough password")))
        return (db, try SignInService(store: db.store, signer: signer, hasher: testHasher))
    }

    @Test func lockOutAfterThreeFailuresForTenMinutes() throws {
        let (db, service) = try database()
        defer { db.scratch.remove() }
        func attempt(_ password: String, at time: Int64) throws -> Result<SignInGrant, SignInRefusal> {
            try service.signIn(userID: "ravi", password: password, totp: nil, settings: settings, now: time)
        }
        #expect(try attempt("wrong", at: 1_000) == .failure(.invalidCredentials))
        #expect(try attempt("wrong", at: 1_010) == .failure(.invalidCredentials))
        #expect(try attempt("wrong", at: 1_020) == .failure(.locked(until: 1_620)))
        // Locked: even the right password is refused until 1,620.
        #expect(try attempt("a long enough password", at: 1_619) == .failure(.locked(until: 1_620)))
        let grant = try attempt("a long enough password", at: 1_620).get()
        #expect(grant.token.expiresAt == 2_520)
        #expect(try db.store.user("ravi")?.failedAttempts == 0)
        // A success clears the count: two more failures do not lock.
        _ = try attempt("wrong", at: 1_700)
        #expect(try attempt("wrong", at: 1_710) == .failure(.invalidCredentials))
    }

    @Test func unknownAndDisabledUsersGetTheSameAnswerAsAWrongPassword() throws {
        let (db, service) = try database()
        defer { db.scratch.remove() }
        #expect(try service.signIn(userID: "nobody", password: "x", totp: nil, settings: settings, now: 0)
            == .failure(.invalidCredentials))
        try db.store.modifyUser("ravi") { $0.disabled = true }
        #expect(try service.signIn(userID: "ravi", password: "a long enough password", totp: nil, settings: settings,
                                   now: 0) == .failure(.invalidCredentials))
    }

    @Test func secondFactorIsCheckedWithRFC6238Codes() throws {
        let (db, service) = try database()
        defer { db.scratch.remove() }
        // Base32 of "12345678901234567890"; its code at T = 59 s is 287082 (RFC 6238).
        try db.store.modifyUser("ravi") { $0.totpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" }
        let password = "a long enough password"
        #expect(try service.signIn(userID: "ravi", password: password, totp: nil, settings: settings, now: 59)
            == .failure(.secondFactorRequired))
        #expect(try service.signIn(userID: "ravi", password: password, totp: "000000", settings: settings, now: 59)
            == .failure(.invalidCredentials))
        #expect(try service.signIn(userID: "ravi", password: password, totp: "287082", settings: settings, now: 59)
            .get().token.userID == "ravi")
        // The same code is not accepted twice.
        #expect(try service.signIn(userID: "ravi", password: password, totp: "287082", settings: settings, now: 60)
            == .failure(.invalidCredentials))
    }

    @Test func authorizerChecksTokensUsersAndPermissions() throws {
        let (db, service) = try database()
        defer { db.scratch.remove() }
        let policy = self.policy
        let authorizer = StaffAuthorizer(store: db.store, signer: signer, policy: { policy }, now: { 1_100 })
        let grant = try service.signIn(userID: "ravi", password: "a long enough password", totp: nil,
                                       settings: settings, now: 1_000).get()
        let credentials = Credentials(bearerToken: grant.bearerToken)
        #expect(result { try authorizer.authorize(credentials, for: .loansRead) }.map(\.id) == .success("ravi"))
        #expect(result { try authorizer.authorize(credentials, for: .waiversApprove) }.map(\.id)
            == .failure(.forbidden(principal: "ravi", missing: .waiversApprove)))
        #expect(result { try authorizer.authorize(Credentials(), for: .loansRead) }.isUnauthenticated)
        let late = StaffAuthorizer(store: db.store, signer: signer, policy: { policy }, now: { 1_900 })
        #expect(result { try late.authorize(credentials, for: .loansRead) }.isUnauthenticated)
        try db.store.modifyUser("ravi") { $0.disabled = true }
        #expect(result { try authorizer.authorize(credentials, for: .loansRead) }.isUnauthenticated)
    }

    @Test func apiKeysCarryTheirScopesOnly() throws {
        let (db, _) = try database()
        defer { db.scratch.remove() }
        var random = SystemRandomNumberGenerator()
        let (key, text) = APIKey.issue(name: "gateway", scopes: [.repaymentsPost], at: 5, using: &random)
        try db.store.insertAPIKey(key)
        #expect(try db.store.apiKey(key.id)?.keyHash == APIKey.digest(text))
        #expect(!(try db.store.apiKey(key.id)?.keyHash.contains(text) ?? true))
        let policy = self.policy
        let authorizer = StaffAuthorizer(store: db.store, signer: signer, policy: { policy }, now: { 10 })
        let credentials = Credentials(apiKey: text)
        let partner = try result { try authorizer.authorize(credentials, for: .repaymentsPost) }.get()
        #expect(partner.kind == .partner && partner.id == key.id)
        #expect(result { try authorizer.authorize(credentials, for: .loansRead) }
            == .failure(.forbidden(principal: key.id, missing: .loansRead)))
        #expect(result { try authorizer.authorize(Credentials(apiKey: text + "x"), for: .repaymentsPost) }
            .isUnauthenticated)
        #expect(try db.store.revokeAPIKey(key.id, at: 20))
        #expect(result { try authorizer.authorize(credentials, for: .repaymentsPost) }.isUnauthenticated)
    }
}

/// Typed throws caught through a Result (`catch Enum.case` with typed throws crashes Swift 6.3 in tests).
func result(_ body: () throws -> Principal) -> Result<Principal, AuthorizationError> {
    do { return .success(try body()) } catch let error as AuthorizationError { return .failure(error) } catch {
        return .failure(.unauthenticated("unexpected \(error)"))
    }
}

extension Result where Failure == AuthorizationError {
    var isUnauthenticated: Bool {
        if case .failure(.unauthenticated) = self { return true }
        return false
    }
}
