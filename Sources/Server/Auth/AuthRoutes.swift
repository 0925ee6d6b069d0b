import Hummingbird
import Identity

/// `POST /api/v1/auth/token`: staff sign-in. `{user, password, totp?}` → `{token, expiresAt}`; the same
/// 401 for an unknown user, a wrong password and a wrong code; 423 while locked out. Every attempt is
/// audited (the user id only when it is a valid id; never the password).
public struct AuthRoutes: Sendable {
    public static let tokenRoute = "/api/v1/auth/token"

    let signIn: SignInService
    let audit: AuditRecorder
    /// The sign-in settings in force (the current catalog's `policies/roles.yaml`).
    let settings: @Sendable () -> SignInSettings
    /// Unix microseconds now.
    let clock: @Sendable () -> Int64

    public init(signIn: SignInService, audit: AuditRecorder, settings: @escaping @Sendable () -> SignInSettings,
                clock: @escaping @Sendable () -> Int64) {
        self.signIn = signIn
        self.audit = audit
        self.settings = settings
        self.clock = clock
    }

    /// Adds the sign-in route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(stringLiteral: Self.tokenRoute)) { request, context in
            let bytes = try await request.body.collect(upTo: SignInBody.maxBytes)
            let credentials = Credentials(request: request, context: context)
            return try self.respond(to: Array(bytes.readableBytesView), credentials: credentials)
        }
    }

    /// The response to a sign-in body (the route without HTTP, for tests).
    public func respond(to body: [UInt8], credentials: Credentials) throws -> Response {
        let parsed: SignInBody
        switch SignInBody.parse(body) {
        case .success(let body): parsed = body
        case .failure(let problem):
            let extra: [(String, JSONValue)] = problem.field.map { [("field", .string($0))] } ?? []
            return Responses.problem(.badRequest, title: "Bad Request", detail: problem.detail, extra: extra)
        }
        let now = clock()
        let outcome = try signIn.signIn(userID: parsed.user, password: parsed.password, totp: parsed.totp,
                                        settings: settings(), now: now / 1_000_000)
        let response = Self.response(outcome)
        let who = StaffUser.isValidID(parsed.user) ? parsed.user : "(invalid user id)"
        let roles = (try? outcome.get())?.token.roles ?? []
        let principal = Principal(id: who, kind: .staff, roles: roles, permissions: [])
        try audit.record(principal: principal, credentials: credentials, method: .post, route: Self.tokenRoute,
                         resourceID: who, status: response.status)
        return response
    }

    static func response(_ outcome: Result<SignInGrant, SignInRefusal>) -> Response {
        switch outcome {
        case .success(let grant):
            return Responses.json(.object([("token", .string(grant.bearerToken)),
                                           ("expiresAt", .int(Int(grant.token.expiresAt)))]))
        case .failure(.locked(let until)):
            return Responses.problem(.init(code: 423, reasonPhrase: "Locked"), title: "Locked",
                                     detail: SignInRefusal.locked(until: until).description,
                                     extra: [("lockedUntil", .int(Int(until)))])
        case .failure(let refusal):
            var response = Responses.problem(.unauthorized, title: "Unauthorized", detail: refusal.description)
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
    }
}
