import ArgumentParser
import Catalog
import Foundation
import Ledger
import LoanMath
import Servicing

/// Options every loan-book command shares: where the configuration and the database are.
struct BookOptions: ParsableArguments {
    @Option(help: "Configuration folder (products/, policies/, workflows/).") var config: String = "."
    @Option(help: "Database: a SQLite file path or postgres://… (default $LENDLINE_DATABASE_URL, else ./lendline.sqlite).")
    var database: String?

    var databaseLocation: String {
        database ?? ProcessInfo.processInfo.environment["LENDLINE_DATABASE_URL"] ?? "lendline.sqlite"
    }

    /// The event store at `databaseLocation`, its schema brought up to date.
    func openStore(autoCheckpoint: Bool = true) throws -> any EventStore {
        try DatabaseLocation(databaseLocation).openStore(autoCheckpoint: autoCheckpoint)
    }

    /// The compiled catalog; its errors are printed as file:line:col and exit with status 2.
    func catalog() throws -> Catalog {
        switch CatalogCompiler.load(directory: config) {
        case .success(let catalog): return catalog
        case .failure(let error):
            FileHandle.standardError.write(Data((DiagnosticsReport.render(error) + "\n").utf8))
            throw ExitCode(2)
        }
    }

    /// The book over the database with the catalog's servicing rules.
    func openBook(autoCheckpoint: Bool = true) throws -> (book: LoanBook, catalog: Catalog) {
        let catalog = try catalog()
        let rules = ServicingRules(catalog: catalog)
        let book = LoanBook(store: try openStore(autoCheckpoint: autoCheckpoint), rules: rules, catalogVersion: catalog.version.hash) {
            Int64(Date().timeIntervalSince1970 * 1_000_000)
        }
        return (book, catalog)
    }
}

/// Parses a YYYY-MM-DD option.
func parseDate(_ text: String, option: String) throws -> LocalDate {
    guard let date = LocalDate(iso: text) else {
        throw ValidationError("\(option) must be a date YYYY-MM-DD, got '\(text)'")
    }
    return date
}

/// Prints a refused servicing command and exits with status 2.
func refuse(_ error: ServicingError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return ExitCode(2)
}
