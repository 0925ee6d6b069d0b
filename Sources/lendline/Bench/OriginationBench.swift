import ArgumentParser
import Catalog
import Foundation
import Hummingbird
import Identity
import Ledger
import LoanMath
import Origination
import Server

/// `lendline bench origination`: the server in process on loopback; applications go the full
/// automated path over HTTP — create, two documents, submit (KYC, bureau, policy, sanction, KFS),
/// accept the KFS, disbursement requested by operations and approved by finance, booked in
/// servicing. Applicants are chosen from the bureau simulator's clean files, so none is referred.
struct OriginationBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "origination",
        abstract: "Applications per second through the automated path, and submission-to-sanction latency.")

    @Option(help: "Database: postgres://… or a SQLite file (default: a new temporary SQLite file).") var database:
        String?
    @Option(help: "Applications to take from creation to a booked loan.") var applications = 1_000
    @Option(help: "Client connections, each taking applications one after another.") var concurrency = 8
    @Option(help: "Database connections of the server (default: 1 on SQLite, whose writers take turns; 8 on PostgreSQL).")
    var connections: Int?
    @Option(help: "Loopback port.") var port = 18_081
    @Option(help: "Configuration folder holding products/ and policies/.") var config = "."

    func run() async throws {
        let catalog = try CatalogCompiler.load(directory: config).get()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lendline-origination-\(UUID().uuidString)")
        let location = DatabaseLocation(database ?? scratch.path + ".sqlite")
        defer {
            try? FileManager.default.removeItem(at: scratch)
            if database == nil {
                for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch.path + ".sqlite" + s) }
            }
        }
        let pans = await Self.cleanPANs(applications)
        let registry = CatalogRegistry(initial: catalog, directory: config)
        let connections = connections ?? (location.isPostgres ? 8 : 1)
        let books = try BookPool(location: location, registry: registry, size: connections)
        defer { books.shutdown() }
        let api = APIServices(
            authorizer: BenchStaffAuthorizer(), books: books, limits: BenchServer.unlimited,
            applications: ApplicationServices(storage: LocalDirectoryStorage(directory: scratch)))
        let server = try await BenchServer.start(registry, port: port, api: api)
        defer { server.cancel() }

        let load = OriginationLoad(port: port, pans: pans)
        let figures = try load.run(concurrency: concurrency)
        print("origination, \(applications) applications, \(concurrency) connections "
              + "(\(location.isPostgres ? "PostgreSQL" : "SQLite"), \(connections) database connections):")
        print("  \(format(figures.perSecond, places: 1)) applications/s end to end (create → 2 documents → submit → "
              + "accept KFS → disburse → approve → booked; 7 requests each), \(figures.failures) failed")
        if let failure = load.firstFailure.text { print("  first failure: \(failure)") }
        print("  submission → sanction: p50 \(format(figures.p50, places: 2)) ms, p99 \(format(figures.p99, places: 2)) ms")
        await server.stop()
    }

    /// `count` PANs whose simulated bureau file takes the policy's fast track with ₹1,00,000 a month
    /// and ₹5,00,000 over 36 months: score 800 or more, never late, at most 2 enquiries, running
    /// instalments under ₹20,000.
    static func cleanPANs(_ count: Int) async -> [String] {
        let bureau = SimulatedCreditBureau()
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let day = LocalDate(year: 2026, month: 3, day: 2)!
        var found: [String] = []
        var n = 0
        while found.count < count, n < 26 * 26 * 10_000 {
            let text = "BN" + String(letters[n / 260_000 % 26]) + "P" + String(letters[n / 10_000 % 26])
                + String(format: "%04d", n % 10_000) + "A"
            n += 1
            guard let pan = try? PAN.parse(text).get(),
                  let report = try? await bureau.report(for: BureauRequest(pan: pan, name: "Bench", enquiryDate: day))
            else { continue }
            if report.score >= 800, report.maxDaysPastDue12Months == 0, report.enquiriesLast6Months <= 2,
               !report.writtenOffOrSettled, report.existingEMI < Money(major: 20_000) {
                found.append(text)
            }
        }
        return found
    }
}

/// Staff for the bench: token `lo` a loan officer, `ops` operations, `fin` finance, each allowed
/// every permission (the workflow's roles still decide each step).
struct BenchStaffAuthorizer: Authorizer {
    static let roles = ["lo": "loan-officer", "ops": "operations", "fin": "finance"]

    func authorize(_ credentials: Credentials, for permission: Permission) throws(AuthorizationError) -> Principal {
        guard let token = credentials.bearerToken, let role = Self.roles[token] else {
            throw .unauthenticated("unknown token")
        }
        return Principal(id: token, kind: .staff, roles: [role], permissions: Set(Permission.allCases))
    }
}
