import ArgumentParser
import Catalog
import Foundation
import Hummingbird
import Logging
import Server

/// `lendline serve`: the HTTP server over the configuration tree.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API. Reloads configuration on SIGHUP and POST /admin/config/reload.")

    @Option(help: "The configuration tree (products/, policies/, workflows/, templates/).") var config = "."
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Check the configuration files for changes every N seconds and reload.") var watch: Int?

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
        let settings = ServerSettings(host: host, port: port, watchSeconds: watch)
        let metrics = ServerMetrics(served: catalog.version)
        metrics.bootstrapProcess()
        let app = LendlineServer.application(registry: registry, settings: settings, logger: logger, metrics: metrics)
        try await app.runService()
    }
}
