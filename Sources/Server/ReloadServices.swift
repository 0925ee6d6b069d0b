import Catalog
import Foundation
import Logging
import ServiceLifecycle

/// Reloads the configuration when the process receives SIGHUP.
struct ReloadOnSignal: Service {
    let registry: CatalogRegistry
    let metrics: ServerMetrics
    let logger: Logger

    func run() async throws {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        let registry = registry, metrics = metrics, logger = logger
        source.setEventHandler {
            let outcome = registry.reload()
            metrics.record(outcome)
            ReloadLog.log(outcome, logger: logger, trigger: "SIGHUP")
        }
        source.resume()
        try? await gracefulShutdown()
        source.cancel()
    }
}

/// Reloads the configuration when its files change, checking every few seconds.
struct ReloadOnChange: Service {
    let registry: CatalogRegistry
    let metrics: ServerMetrics
    let intervalSeconds: Int
    let logger: Logger

    func run() async throws {
        var lastHash = registry.current.version.hash
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: .seconds(intervalSeconds))
            guard let tree = try? ConfigTree.read(directory: registry.directory) else { continue }
            let hash = tree.contentHash
            if hash != lastHash {
                lastHash = hash
                let outcome = registry.reload(tree)
                metrics.record(outcome)
                ReloadLog.log(outcome, logger: logger, trigger: "file change")
            }
        }
    }
}

/// Writes what a reload did to the log.
enum ReloadLog {
    static func log(_ outcome: ReloadOutcome, logger: Logger, trigger: String) {
        switch outcome {
        case .swapped(let from, let to):
            logger.info("configuration reloaded (\(trigger)): \(from.short) → \(to.short)")
        case .unchanged(let version):
            logger.info("configuration unchanged (\(trigger)): \(version.short)")
        case .failed:
            logger.error("configuration reload (\(trigger)) rejected; the old version keeps serving\n\(outcome.report ?? "")")
        }
    }
}
