import ArgumentParser
import Catalog
import Foundation
import Hummingbird
import Identity
import IdentitySQL
import Ledger
import Logging
import Server
import Servicing

/// `lendline serve`: the HTTP server over the configuration tree and the loan book.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API. Reloads configuration on SIGHUP and POST /admin/config/reload.",
        discussion: "SIGTERM or SIGINT stops it gracefully: requests in flight finish first.")

    @Option(help: "The configuration tree (products/, policies/, workflows/, templates/).") var config = "."
    @Option(
        help: "Database: a SQLite file or postgres://… (default $LENDLINE_DATABASE_URL, else CONFIG/lendline.sqlite).")
    var database: String?
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Check the configuration files for changes every N seconds and reload.") var watch: Int?
    @Option(help: "Database connections (requests served at once).") var connections = 4
    @Option(name: .customLong("rate-limit"), help: "Requests per second each principal may sustain; bursts of twice that.")
    var rateLimit = APILimits.default.requestsPerSecond
    @Option(name: .customLong("dev-token"), help: "Development only: a bearer token granting every permission.")
    var devToken: String?
    @Option(help: "Folder for application documents (default: CONFIG/lendline-documents).") var documents: String?
    @Flag(help: "Seed a demonstration book first (as `lendline demo` does) when the loan book is empty.") var demo = false

    func run() async throws {
        var logger = Logger(label: "lendline")
        logger.logLevel = .info
        let catalog: Catalog
        switch CatalogCompiler.load(directory: config) {
        case .success(let loaded): catalog = loaded
        case .failure(let error):
            standardError(DiagnosticsReport.render(error))
            throw ExitCode(2)
        }
        logger.info("configuration \(catalog.version) loaded from \(config)")
        let registry = CatalogRegistry(initial: catalog, directory: config)
        let where_ = database ?? ProcessInfo.processInfo.environment["LENDLINE_DATABASE_URL"]
            ?? URL(fileURLWithPath: config).appendingPathComponent("lendline.sqlite").path
        let location = DatabaseLocation(where_)
        guard (1...64).contains(connections) else { throw ValidationError("--connections must be 1 to 64") }
        guard (1...1_000_000).contains(rateLimit) else { throw ValidationError("--rate-limit must be 1 to 1000000") }
        if demo { try seedDemo(location, catalog, logger) }
        let books = try BookPool(location: location, registry: registry, size: connections)
        defer { books.shutdown() }
        logger.info("loan book at \(location), \(connections) connections, schema migrated")
        // Staff identity and the audit log share the loan book's database (their own connection).
        let identity = try LockedConnection.open(where_)
        let store = SQLIdentityStore(identity)
        let microseconds: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1_000_000) }
        let audit = AuditRecorder(log: SQLAuditLog(identity), clock: microseconds)
        let signer = TokenSigner(key: try TokenKey.resolve(environment: ProcessInfo.processInfo.environment, store: store))
        let roles: @Sendable () -> AccessPolicy = { registry.current.roles ?? .empty }
        let signIn = AuthRoutes(signIn: try SignInService(store: store, signer: signer), audit: audit,
                                settings: { roles().signIn }, clock: microseconds)
        let authorizer: any Authorizer
        if let devToken {
            authorizer = DevelopmentTokenAuthorizer(token: devToken)
            logger.warning("--dev-token: one shared token grants every permission; development only")
        } else {
            authorizer = StaffAuthorizer(store: store, signer: signer, policy: roles,
                                         now: { microseconds() / 1_000_000 })
        }
        let settings = ServerSettings(host: host, port: port, watchSeconds: watch)
        let metrics = ServerMetrics(served: catalog.version)
        metrics.bootstrapProcess()
        let limits = APILimits(burstRequests: 2 * rateLimit, requestsPerSecond: rateLimit)
        let api = APIServices(authorizer: authorizer, books: books, limits: limits, signIn: signIn, audit: audit,
                              applications: try applicationServices(catalog, logger))
        let app = LendlineServer.application(
            registry: registry, settings: settings, logger: logger, metrics: metrics,
            api: api)
        try await app.runService()
    }

    /// Seeds the demonstration book when the loan book is empty.
    func seedDemo(_ location: DatabaseLocation, _ catalog: Catalog, _ logger: Logger) throws {
        let book = LoanBook(store: try location.openStore(), rules: ServicingRules(catalog: catalog),
                            catalogVersion: catalog.version.hash) { Int64(Date().timeIntervalSince1970 * 1_000_000) }
        if let summary = try DemoSeeding.seedIfEmpty(book, catalog: catalog, settings: DemoSettings()) {
            logger.info("demo book seeded:\n\(DemoSeeding.render(summary))")
        } else {
            logger.info("--demo: the loan book holds loans already; nothing seeded")
        }
    }
}
