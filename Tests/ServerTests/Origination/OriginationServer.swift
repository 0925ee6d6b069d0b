import Catalog
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import IdentitySQL
import Ledger
import LedgerTestSupport
import Logging
@testable import Origination
@testable import Server

/// A server over the shipped configuration and a scratch database (SQLite or PostgreSQL) with staff
/// tokens per role, and application services whose integrations a test chooses: a bureau answering
/// a fixed report, and simulators with planned faults.
struct OriginationServer {
    static let now: @Sendable () -> Int64 = { 1_780_000_000 * 1_000_000 }

    let database: ScratchDatabase
    /// The database as the server names it: the SQLite path, or a `postgresql://` URI.
    let location: String
    let registry: CatalogRegistry
    let books: BookPool
    let store: SQLIdentityStore
    let signer = TokenSigner(key: Array(repeating: 9, count: 32))
    let documents: URL
    let app: Application<RouterResponder<LendlineRequestContext>>

    init(_ backend: Backend = .sqlite, bureau: BureauReport = .prime, faults: [IntegrationKind: FaultPlan] = [:]) throws {
        database = try ScratchDatabase(backend)
        location = backend == .postgres ? Self.uri(database.location) : database.location
        registry = CatalogRegistry(
            initial: try CatalogCompiler.load(directory: repositoryRoot).get(), directory: repositoryRoot)
        books = try BookPool(location: DatabaseLocation(location), registry: registry, size: 2)
        store = SQLIdentityStore(try LockedConnection.open(location))
        documents = FileManager.default.temporaryDirectory.appendingPathComponent("documents-\(UUID().uuidString)")
        var integrations = IntegrationAdapters.simulated(faults: faults)
        integrations.bureau = FixedBureau(report: bureau, faults: faults[.creditBureau] ?? .none)
        let services = ApplicationServices(integrations: integrations,
                                           storage: LocalDirectoryStorage(directory: documents))
        let registry = registry
        let roles: @Sendable () -> AccessPolicy = { registry.current.roles ?? .empty }
        let api = APIServices(
            authorizer: StaffAuthorizer(store: store, signer: signer, policy: roles, now: { Self.now() / 1_000_000 }),
            books: books, limits: APILimits(burstRequests: 10_000, requestsPerSecond: 10_000), applications: services)
        app = Application(router: LendlineServer.router(registry: registry, logger: Logger(label: "test"), api: api))
    }

    /// Signs the usual cast in and runs `body` against the server in process.
    func test(_ body: @escaping @Sendable (Staff) async throws -> Void) async throws {
        defer {
            books.shutdown()
            database.remove()
            try? FileManager.default.removeItem(at: documents)
        }
        var tokens: [String: String] = [:]
        let issued = Self.now() / 1_000_000
        for (id, roles) in Staff.cast {
            try store.insertUser(StaffUser(id: id, displayName: id, roles: roles,
                                           passwordHash: try StaffServer.cheap.hash("unused")))
            tokens[id] = signer.sign(AccessToken(userID: id, roles: roles, issuedAt: issued, expiresAt: issued + 900,
                                                 tokenID: "t-\(id)"))
        }
        let signed = tokens
        try await app.test(.router) { client in try await body(Staff(client: APIClient(client: client), tokens: signed)) }
    }

    /// Rows of a query, on a connection of its own.
    static func rows(_ location: String, _ sql: String) throws -> [SQLRow] {
        try DatabaseLocation(location).connect().query(sql, [])
    }

    /// `host=… port=… user=… dbname=…` as a `postgresql://` URI over the same Unix socket (a
    /// location that already is a URI is kept).
    static func uri(_ keywords: String) -> String {
        if keywords.hasPrefix("postgres") { return keywords }
        var parts: [String: String] = [:]
        for pair in keywords.split(separator: " ") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { parts[kv[0]] = kv[1] }
        }
        let host = (parts["host"] ?? "").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "postgresql:///\(parts["dbname"] ?? "")?host=\(host)&port=\(parts["port"] ?? "")&user=\(parts["user"] ?? "")"
    }
}

/// A bureau answering one report to every enquiry (after the planned faults).
struct FixedBureau: CreditBureau {
    let report: BureauReport
    let faults: FaultInjector

    init(report: BureauReport, faults: FaultPlan) {
        self.report = report
        self.faults = FaultInjector(faults, kind: .creditBureau, timeoutSeconds: 10)
    }

    func report(for request: BureauRequest) async throws(IntegrationFailure) -> BureauReport {
        try faults.call()
        return report
    }
}

extension BureauReport {
    /// Score 820, no running loans, one enquiry: the policy's fast track when FOIR ≤ 40%.
    static let prime = BureauReport(reference: "BUR-1", score: 820, accounts: [], enquiriesLast6Months: 1)
}
