import Catalog
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ledger
import LedgerTestSupport
import Logging
import Server
import Testing

/// A server over the shipped configuration and a scratch loan book on `backend` (SQLite unless a
/// test asks for PostgreSQL), with the test authorizer.
struct APIHarness {
    let database: ScratchDatabase
    let registry: CatalogRegistry
    let books: BookPool
    let limits: APILimits

    init(_ backend: Backend = .sqlite, limits: APILimits = APILimits(burstRequests: 10_000, requestsPerSecond: 10_000))
        throws
    {
        database = try ScratchDatabase(backend)
        registry = CatalogRegistry(
            initial: try CatalogCompiler.load(directory: repositoryRoot).get(), directory: repositoryRoot)
        books = try BookPool(location: DatabaseLocation(database.location), registry: registry, size: 2)
        self.limits = limits
    }

    var application: some ApplicationProtocol {
        let api = APIServices(authorizer: TestAuthorizer(), books: books, limits: limits)
        return Application(router: LendlineServer.router(registry: registry, logger: Logger(label: "test"), api: api))
    }

    /// Runs `body` against the server in process (`.router`) or over a socket (`.live`).
    func test(_ kind: TestingSetup = .router, _ body: @escaping @Sendable (APIClient) async throws -> Void) async throws
    {
        defer { books.shutdown(); database.remove() }
        try await application.test(kind) { client in try await body(APIClient(client: client)) }
    }

    /// Rows in `loan_event`, read on a connection of its own.
    func eventCount() throws -> Int64 {
        try database.open().read("SELECT COUNT(*) FROM loan_event", []).first?.int64(0) ?? -1
    }
}

/// A reply: status, content type and body text.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let contentType: String?
    let text: String
    let headers: HTTPFields

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The fields a problem document names.
    var problemFields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}

/// Requests with the test tokens.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = "all", key: String? = nil,
        body: String? = nil
    ) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        if body != nil { headers[.contentType] = "application/json" }
        return try await client.execute(
            uri: uri, method: method, headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Reply(
                status: response.status, contentType: response.headers[.contentType],
                text: String(buffer: response.body), headers: response.headers)
        }
    }

    func get(_ uri: String, token: String? = "all") async throws -> Reply { try await send(.get, uri, token: token) }

    func post(_ uri: String, _ body: String, key: String?, token: String? = "all") async throws -> Reply {
        try await send(.post, uri, token: token, key: key, body: body)
    }

    /// Books RBI's illustration loan (₹1,00,000 at 12% for 12 months, disbursed 31 Jan 2026).
    func bookIllustration(_ id: String = "L-1") async throws -> Reply {
        try await post(
            "/api/v1/loans",
            """
            {"loan_id":"\(id)","product":"personal-loan","principal":"100000","rate":"12%","tenure":12,
             "disbursement_date":"2026-01-31"}
            """, key: "book-\(id)")
    }

    /// The illustration loan booked, its day ends run through 27 Feb and instalment 1 (₹8,884.88)
    /// paid on its due date, 28 Feb: ₹92,115.12 of principal left.
    func bookAndPayFirstInstalment() async throws {
        _ = try await bookIllustration()
        _ = try await post("/api/v1/eod", #"{"date":"2026-02-27"}"#, key: "e1")
        _ = try await post(
            "/api/v1/loans/L-1/repayments", #"{"amount":"8884.88","date":"2026-02-28","reference":"UTR1"}"#, key: "p1")
    }
}
