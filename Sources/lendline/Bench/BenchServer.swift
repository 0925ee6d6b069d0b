import Catalog
import Logging
import Server
import ServiceLifecycle

/// The server a load bench drives: the real application on loopback, logging warnings only, with
/// no rate limit, given half a second to start listening.
struct BenchServer {
    static let unlimited = APILimits(burstRequests: 100_000_000, requestsPerSecond: 100_000_000)

    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Starts serving `api` on `port`.
    static func start(_ registry: CatalogRegistry, port: Int, api: APIServices) async throws -> BenchServer {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let app = LendlineServer.application(
            registry: registry, settings: ServerSettings(port: port), logger: logger,
            metrics: ServerMetrics(served: registry.current.version), api: api)
        let group = ServiceGroup(services: [app], logger: logger)
        let task = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(500))
        return BenchServer(group: group, task: task)
    }

    /// Shuts down gracefully and waits for it.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Stops at once (a bench that failed part-way).
    func cancel() { task.cancel() }
}
