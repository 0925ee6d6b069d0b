import Catalog
import Hummingbird
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

/// Lendline's HTTP server: routes over a catalog registry.
public enum LendlineServer {
    /// The router of every route, over `registry`, counting requests and reloads in `metrics`.
    public static func router(registry: CatalogRegistry, logger: Logger, metrics: ServerMetrics? = nil)
        -> Router<BasicRequestContext>
    {
        let metrics = metrics ?? ServerMetrics(served: registry.current.version)
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(factory: metrics.factory))
        ConfigRoutes(registry: registry, metrics: metrics, logger: logger).register(on: router)
        MetricsRoutes(metrics: metrics).register(on: router)
        return router
    }

    /// The application: routes, plus reload on SIGHUP and (optionally) on file changes, each reload
    /// counted in `metrics`.
    public static func application(registry: CatalogRegistry, settings: ServerSettings, logger: Logger,
                                   metrics: ServerMetrics) -> some ApplicationProtocol
    {
        var services: [any Service] = [ReloadOnSignal(registry: registry, metrics: metrics, logger: logger)]
        if let seconds = settings.watchSeconds {
            services.append(
                ReloadOnChange(registry: registry, metrics: metrics, intervalSeconds: seconds, logger: logger))
        }
        return Application(router: router(registry: registry, logger: logger, metrics: metrics),
                           configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port),
                                                                   serverName: "lendline"),
                           services: services, logger: logger)
    }
}
