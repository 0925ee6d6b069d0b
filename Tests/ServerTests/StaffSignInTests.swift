import Catalog
import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import IdentitySQL
import Ledger
import LedgerTestSupport
import Logging
@testable import Server
import Testing

/// `serve`'s real wiring, in process: users in the loan book's database, roles from the shipped
/// `policies/roles.yaml`, signed tokens, and the hash-chained audit log.
/// `serve`'s identity wiring over a scratch loan book: users in its database, the shipped roles,
/// signed tokens and the audit log. Infrastructure time is fixed, so expiry is under the test's control.
struct StaffServer {
    static let now: @Sendable () -> Int64 = { 1_780_000_000 * 1_000_000 }
    static let cheap = PasswordHasher(parameters: ScryptParameters(logRounds: 4, blockSize: 8, parallelism: 1))

    let harness: APIHarness
    let store: SQLIdentityStore
    let auditLog: SQLAuditLog
    let signer = TokenSigner(key: Array(repeating: 7, count: 32))
    let app: Application<RouterResponder<LendlineRequestContext>>

    init(_ backend: Backend = .sqlite) throws {
        harness = try APIHarness(backend)
        let identity = try LockedConnection.open(harness.database.location)
        store = SQLIdentityStore(identity)
        auditLog = SQLAuditLog(identity)
        let audit = AuditRecorder(log: auditLog, clock: Self.now)
        let registry = harness.registry
        let roles: @Sendable () -> AccessPolicy = { registry.current.roles ?? .empty }
        let api = APIServices(
            authorizer: StaffAuthorizer(store: store, signer: signer, policy: roles, now: { Self.now() / 1_000_000 }),
            books: harness.books, limits: harness.limits,
            signIn: AuthRoutes(signIn: try SignInService(store: store, signer: signer, hasher: Self.cheap), audit: audit,
                               settings: { roles().signIn }, clock: Self.now),
            audit: audit)
        app = Application(router: LendlineServer.router(registry: registry, logger: Logger(label: "test"), api: api))
    }

    func addUser(_ id: String, role: String, password: String = "not used here") throws {
        try store.insertUser(StaffUser(id: id, displayName: id, roles: [role], passwordHash: try Self.cheap.hash(password)))
    }

    /// A token for `user` as sign-in would issue it.
    func token(_ user: String, role: String) -> String {
        let issued = Self.now() / 1_000_000
        return signer.sign(AccessToken(userID: user, roles: [role], issuedAt: issued, expiresAt: issued + 900,
                                       tokenID: "t-\(user)"))
    }

    func remove() {
        harness.books.shutdown()
        harness.database.remove()
    }
}

@Suite("Staff sign-in, role permissions and the audit log over HTTP")
struct StaffSignInTests {
    @Test(
        "sign in, act within the role, be refused outside it; executed commands land in the audit chain",
        arguments: Backend.available)
    func signInAndAudit(backend: Backend) async throws {
        let server = try StaffServer(backend)
        defer { server.remove() }
        try server.addUser("meera", role: "loan-officer", password: "correct horse 42")
        try server.addUser("ravi", role: "auditor", password: "battery staple 7")
        let auditLog = server.auditLog
        try await server.app.test(.router) { raw in
            let client = APIClient(client: raw)
            let wrong = try await client.send(.post, "/api/v1/auth/token", token: nil,
                                              body: #"{"user":"meera","password":"wrong"}"#)
            #expect(wrong.status == .unauthorized)
            let unknown = try await client.send(.post, "/api/v1/auth/token", token: nil,
                                                body: #"{"user":"nobody","password":"wrong"}"#)
            #expect(unknown.status == .unauthorized && unknown.text == wrong.text, "no hint that a user exists")
            let badBody = try await client.send(.post, "/api/v1/auth/token", token: nil, body: #"{"user":"meera"}"#)
            #expect(badBody.status == .badRequest)

            let signedIn = try await client.send(.post, "/api/v1/auth/token", token: nil,
                                                 body: #"{"user":"meera","password":"correct horse 42"}"#)
            #expect(signedIn.status == .ok)
            let token = try #require(signedIn.json["token"] as? String)
            let booking = """
                {"loan_id":"L-1","product":"personal-loan","principal":"100000","rate":"12%","tenure":12,
                 "disbursement_date":"2026-01-31"}
                """
            let booked = try await client.send(.post, "/api/v1/loans", token: token, key: "b1", body: booking)
            #expect(booked.status == .created, "\(booked.text)")
            let paid = try await client.send(
                .post, "/api/v1/loans/L-1/repayments", token: token, key: "p1",
                body: #"{"amount":"8884.88","date":"2026-01-31","reference":"UTR1"}"#)
            #expect(paid.status == .created, "\(paid.text)")
            // A loan officer may not run the day end (operations may).
            let eod = try await client.send(.post, "/api/v1/eod", token: token, key: "e1", body: #"{"date":"2026-02-01"}"#)
            #expect(eod.status == .forbidden)
            let tampered = try await client.send(.get, "/api/v1/loans/L-1", token: token + "x")
            #expect(tampered.status == .unauthorized)

            let auditor = try await client.send(.post, "/api/v1/auth/token", token: nil,
                                                body: #"{"user":"ravi","password":"battery staple 7"}"#)
            let auditorToken = try #require(auditor.json["token"] as? String)
            #expect(try await client.send(.get, "/api/v1/loans/L-1", token: auditorToken).status == .ok)
            let refused = try await client.send(
                .post, "/api/v1/loans/L-1/repayments", token: auditorToken, key: "p2",
                body: #"{"amount":"1","date":"2026-01-31","reference":"UTR2"}"#)
            #expect(refused.status == .forbidden)
        }
        // Four sign-in attempts (two refused, two granted) and the two executed commands, in order.
        let rows = try auditLog.records(from: 1, limit: 100)
        #expect(rows.map(\.entry.route) == [
            "/api/v1/auth/token", "/api/v1/auth/token", "/api/v1/auth/token", "/api/v1/loans",
            "/api/v1/loans/{id}/repayments", "/api/v1/auth/token",
        ])
        #expect(rows.map(\.entry.status) == [401, 401, 200, 201, 201, 200])
        #expect(rows[4].entry.principal == "meera" && rows[4].entry.resourceID == "L-1")
        // Before the repayment: the loan as booked (activation and disbursement, sequence 2); after: the
        // reply, ₹8,884.88 paid on the disbursement day held in advance. The request is kept as its SHA-256.
        let before = rows[4].entry.before ?? ""
        #expect(before.contains(#""request_sha256":""#), "\(before)")
        let booked = #""loan":{"loan_id":"L-1","sequence":2,"status":"active","principal_outstanding":"100000.00""#
        #expect(before.contains(booked + #","advance":"0.00""#), "\(before)")
        #expect(rows[4].entry.after?.contains(#""advance":"8884.88""#) == true, "\(rows[4].entry.after ?? "")")
        #expect(rows[3].entry.before?.contains(#""loan""#) == false, "a booking has no loan before it")
        guard case .intact(rows: 6) = try auditLog.verify() else {
            Issue.record("the audit chain should be intact with 6 rows")
            return
        }
    }

    @Test("every route × every shipped role: 403 exactly when the role lacks the route's permission")
    func everyRouteEveryRole() async throws {
        let server = try StaffServer()
        defer { server.remove() }
        let policy = try #require(server.harness.registry.current.roles)
        #expect(policy.roles.count == 8)
        for role in policy.roles { try server.addUser("u-\(role.id)", role: role.id) }
        let api = APIServices(authorizer: TestAuthorizer(), books: server.harness.books)
        let table = LendlineServer.routeTable(
            registry: server.harness.registry, logger: Logger(label: "test"),
            metrics: ServerMetrics(served: server.harness.registry.current.version), api: api)
        let guarded = table.filter { $0.permission != nil }
        #expect(guarded.count >= 15)
        try await server.app.test(.router) { raw in
            let client = APIClient(client: raw)
            for route in guarded {
                let uri = route.path.replacingOccurrences(of: "{id}", with: "L-404")
                for role in policy.roles {
                    let token = server.token("u-\(role.id)", role: role.id)
                    let reply = try await client.send(
                        route.method, uri, token: token, key: route.method == .post ? "k-\(role.id)" : nil,
                        body: route.method == .post ? "{}" : nil)
                    let allowed = role.permissions.contains(route.permission!)
                    if allowed {
                        #expect(reply.status != .forbidden && reply.status != .unauthorized,
                                "\(role.id) \(route.method) \(route.path): \(reply.status)")
                    } else {
                        #expect(reply.status == .forbidden, "\(role.id) \(route.method) \(route.path): \(reply.status)")
                    }
                }
            }
        }
    }
}
