import Catalog
import Foundation
import Metrics
import Prometheus

/// The server's metrics in Prometheus form: configuration reloads by result, the version being
/// served, and HTTP requests (through `factory`). Each server is given its own registry, so tests
/// can build many servers in one process; `lendline serve` also makes it the process's
/// swift-metrics backend (`bootstrapProcess`).
public final class ServerMetrics: Sendable {
    /// Where every metric of this server is kept, and what `GET /metrics` writes out.
    public let registry: PrometheusCollectorRegistry
    /// A swift-metrics backend writing into `registry`.
    public let factory: PrometheusMetricsFactory
    let reloads: [ReloadResult: Prometheus.Counter]
    let version: ServedVersion

    /// Metrics kept in `registry` (a new one by default), showing `served` as the current version.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), served: CatalogVersion? = nil) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = PrometheusNames.sanitize
        self.factory = factory
        let descriptor = MetricNameDescriptor(
            namespace: "lendline", subsystem: "config", metricName: "reloads", unitName: "total",
            helpText: "Configuration reloads by result: ok (a new version serves), failed (rejected), unchanged")
        var reloads: [ReloadResult: Prometheus.Counter] = [:]
        for result in ReloadResult.allCases {
            reloads[result] = registry.makeCounter(descriptor: descriptor, labels: [("result", result.rawValue)])
        }
        self.reloads = reloads
        version = ServedVersion(registry: registry)
        if let served { version.show(served) }
    }

    /// Counts a reload by its result; a swap shows the new version.
    public func record(_ outcome: ReloadOutcome) {
        switch outcome {
        case .swapped(_, let to):
            reloads[.ok]?.increment()
            version.show(to)
        case .unchanged: reloads[.unchanged]?.increment()
        case .failed: reloads[.failed]?.increment()
        }
    }

    /// Shows `served` as the version being served.
    public func show(_ served: CatalogVersion) { version.show(served) }

    /// Every metric in the Prometheus text format.
    public func exposition() -> String { registry.emitToString() }

    /// Makes this server's registry the swift-metrics backend of the whole process, so that
    /// libraries' metrics are shown at `/metrics` too. swift-metrics allows one bootstrap per
    /// process: only the first call does it; it returns whether this call did.
    @discardableResult
    public func bootstrapProcess() -> Bool {
        ProcessMetricsBootstrap.shared.once { MetricsSystem.bootstrap(factory) }
    }
}

/// The `result` label of `lendline_config_reloads_total`.
enum ReloadResult: String, CaseIterable {
    case ok, failed, unchanged
}

/// `lendline_config_version_info{hash=…} 1`: one series, for the version being served.
final class ServedVersion: @unchecked Sendable {
    private let lock = NSLock()
    private let registry: PrometheusCollectorRegistry
    private var gauge: Prometheus.Gauge?
    private var hash: String?

    static var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "lendline", subsystem: "config", metricName: "version", unitName: "info",
            helpText: "The configuration version being served (its content hash), always 1")
    }

    init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    func show(_ version: CatalogVersion) {
        lock.withLock {
            guard version.hash != hash else { return }
            if let gauge { registry.unregisterGauge(gauge) }
            let next = registry.makeGauge(descriptor: Self.descriptor, labels: [("hash", version.hash)])
            next.set(to: 1)
            gauge = next
            hash = version.hash
        }
    }
}

/// Whether the process's swift-metrics backend has been set.
final class ProcessMetricsBootstrap: @unchecked Sendable {
    static let shared = ProcessMetricsBootstrap()
    private let lock = NSLock()
    private var done = false

    /// Runs `bootstrap` unless a call before did; whether it ran.
    func once(_ bootstrap: () -> Void) -> Bool {
        lock.withLock {
            guard !done else { return false }
            done = true
            bootstrap()
            return true
        }
    }
}
