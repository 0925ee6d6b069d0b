import ArgumentParser
import Catalog
import Foundation
import Hummingbird
import Ledger
import Server

/// `lendline bench api`: the server in process on loopback, loans booked through `POST /api/v1/loans`,
/// then concurrent loan views as fast as they go, then repayments offered at a fixed rate.
struct APIBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api", abstract: "Load the HTTP API: loan views per second, repayment latency at a fixed rate.")

    @Option(help: "Database: postgres://… or a SQLite file (default: a new temporary SQLite file).") var database:
        String?
    @Option(help: "Loans to book before measuring.") var loans = 1_000
    @Option(help: "Seconds of each measurement.") var seconds = 10
    @Option(help: "Client connections sending loan views.") var concurrency = 16
    @Option(help: "Repayments offered per second.") var rate = 200
    @Option(help: "Database connections of the server.") var connections = 4
    @Option(help: "Loopback port.") var port = 18_080
    @Option(help: "Configuration folder holding products/ and policies/.") var config = "."

    func run() async throws {
        let catalog = try CatalogCompiler.load(directory: config).get()
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lendline-api-\(UUID().uuidString).sqlite"
        ).path
        let location = DatabaseLocation(database ?? temporary)
        defer {
            if database == nil {
                for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + s) }
            }
        }
        let registry = CatalogRegistry(initial: catalog, directory: config)
        let books = try BookPool(location: location, registry: registry, size: connections)
        defer { books.shutdown() }
        let api = APIServices(
            authorizer: DevelopmentTokenAuthorizer(token: "bench"), books: books, limits: BenchServer.unlimited)
        let server = try await BenchServer.start(registry, port: port, api: api)
        defer { server.cancel() }

        let load = APILoad(port: port, loans: loans)
        let seeded = try load.seed(concurrency: min(concurrency, 8))
        print(
            "booked \(loans) loans through POST /api/v1/loans (\(location.isPostgres ? "PostgreSQL" : "SQLite")) "
                + "in \(format(seeded, places: 1)) s")
        let views = try load.views(seconds: seconds, concurrency: concurrency)
        print(
            "loan view GET /api/v1/loans/{id}, \(concurrency) connections: \(format(views.perSecond, places: 0)) req/s, "
                + "p50 \(format(views.p50, places: 2)) ms, p99 \(format(views.p99, places: 2)) ms (\(views.count) requests, "
                + "\(views.failures) failed)")
        let pays = try load.repayments(seconds: seconds, rate: rate, concurrency: concurrency)
        print(
            "repayment POST …/repayments offered at \(rate)/s: \(format(pays.perSecond, places: 0)) req/s, "
                + "p50 \(format(pays.p50, places: 2)) ms, p99 \(format(pays.p99, places: 2)) ms (\(pays.count) requests, "
                + "\(pays.failures) failed)")
        await server.stop()
    }
}
