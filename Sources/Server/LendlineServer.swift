import Catalog
import Hummingbird
import Identity
import Logging
import ServiceLifecycle

/// Settings of `lendline serve`.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Seconds between checks of the configuration tree for changes; `nil` reloads only on request.
    public var watchSeconds: Int?

    public init(host: String = "127.0.0.1", port: Int = 8080, watchSeconds: Int? = nil) {
        self.host = host
        self.port = port
        self.watchSeconds = watchSeconds
    }
}

/// What the API routes run over: who may do what, the loan book (none: configuration routes only)
/// and the limits.
public struct APIServices: Sendable {
    public var authorizer: any Authorizer
    public var books: BookPool?
    public var limits: APILimits
    /// Sign-in (`POST /api/v1/auth/token`), when staff identity is configured.
    public var signIn: AuthRoutes?
    /// The audit log every executed command is recorded in.
    public var audit: AuditRecorder?
    /// Integrations, document storage and the PII key of the application routes.
    public var applications: ApplicationServices

    public init(authorizer: any Authorizer, books: BookPool?, limits: APILimits = .default,
                signIn: AuthRoutes? = nil, audit: AuditRecorder? = nil, applications: ApplicationServices = .simulated) {
        self.authorizer = authorizer
        self.books = books
        self.limits = limits
        self.signIn = signIn
        self.audit = audit
        self.applications = applications
    }
}

/// Lendline's HTTP server: routes over a catalog registry and a loan book.
public enum LendlineServer {
    /// The route table: every route of the server, in the order of the OpenAPI document.
    static func routeTable(registry: CatalogRegistry, logger: Logger, metrics: ServerMetrics, api: APIServices)
        -> [APIRoute]
    {
        var routes = ConfigRoutes(registry: registry, metrics: metrics, logger: logger).routes
        if let signIn = api.signIn { routes.append(signIn.route) }
        if let books = api.books {
            routes += LoanReadRoutes(books: books, limits: api.limits).routes
            routes += LoanCommandRoutes(registry: registry).routes
            routes += CaseRoutes(registry: registry, books: books).routes
            routes += BookReadRoutes(books: books).routes
            routes += DocumentRoutes(books: books, registry: registry).routes
            routes += ApplicationRoutes(registry: registry, books: books, services: api.applications).routes
        }
        routes += MetricsRoutes(metrics: metrics).routes
        let document = OpenAPIDocument.build(routes + [openAPIRoute(text: "")]).text
        return routes + [openAPIRoute(text: document)]
    }

    static func openAPIRoute(text: String) -> APIRoute {
        APIRoute(
            method: .get, path: "/openapi.json", permission: nil, summary: "This API's OpenAPI 3.1 document",
            tag: "system", handler: .plain { _ in Responses.body(text, status: .ok, contentType: "application/json") })
    }

    /// The router of every route, over `registry` and `api`, counting requests and reloads in `metrics`.
    public static func router(
        registry: CatalogRegistry, logger: Logger, metrics: ServerMetrics? = nil,
        api: APIServices
    ) -> Router<LendlineRequestContext> {
        let metrics = metrics ?? ServerMetrics(served: registry.current.version)
        let router = Router(context: LendlineRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(factory: metrics.factory))
        let pipeline = APIPipeline(
            authorizer: api.authorizer, limiter: RateLimiter(limits: api.limits),
            limits: api.limits, books: api.books, logger: logger, audit: api.audit)
        let table = routeTable(registry: registry, logger: logger, metrics: metrics, api: api)
        for route in table {
            router.on(RouterPath(route.routerPath), method: route.method) { request, context in
                await pipeline.respond(route, request, context)
            }
        }
        MethodNotAllowed.register(table, on: router)
        return router
    }

    /// The application: routes, plus reload on SIGHUP and (optionally) on file changes, each reload
    /// counted in `metrics`. SIGTERM shuts it down gracefully: requests in flight finish.
    public static func application(
        registry: CatalogRegistry, settings: ServerSettings, logger: Logger,
        metrics: ServerMetrics, api: APIServices
    ) -> some ApplicationProtocol {
        var services: [any Service] = [ReloadOnSignal(registry: registry, metrics: metrics, logger: logger)]
        if let seconds = settings.watchSeconds {
            services.append(
                ReloadOnChange(registry: registry, metrics: metrics, intervalSeconds: seconds, logger: logger))
        }
        return Application(
            router: router(registry: registry, logger: logger, metrics: metrics, api: api),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port),
                serverName: "lendline"),
            services: services, logger: logger)
    }
}
