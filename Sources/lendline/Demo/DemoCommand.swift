import ArgumentParser
import Catalog
import Foundation
import Ledger
import LoanMath
import Servicing

/// `lendline demo`: seeds an empty loan book with a demonstration portfolio through the real
/// commands, deterministically, and prints it by classification.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Seed an empty loan book with demo loans on every product, run over simulated months.")

    @OptionGroup var book: BookOptions
    @Option(help: "Loans to book (1 to 5000).") var loans = 300
    @Option(help: "Months of business dates to run (1 to 36).") var months = 6
    @Option(help: "The first business date, YYYY-MM-DD.") var start = "2025-10-01"
    @Option(help: "Seed of the generator: the same seed gives the same book.") var seed: UInt64 = 2_026

    func run() throws {
        guard (1...5_000).contains(loans) else { throw ValidationError("--loans must be 1 to 5000") }
        guard (1...36).contains(months) else { throw ValidationError("--months must be 1 to 36") }
        guard let first = LocalDate(iso: start), first.iso == start else { throw ValidationError("--start must be YYYY-MM-DD") }
        let (loanBook, catalog) = try book.openBook()
        let settings = DemoSettings(loans: loans, months: months, start: first, seed: seed)
        guard let summary = try DemoSeeding.seedIfEmpty(loanBook, catalog: catalog, settings: settings) else {
            FileHandle.standardError.write(Data("the loan book is not empty: the demo seeds an empty one\n".utf8))
            throw ExitCode(1)
        }
        print(DemoSeeding.render(summary))
    }
}

/// Seeding shared by `demo` and `serve --demo`.
enum DemoSeeding {
    /// Seeds `book` when it holds no loan; nil (nothing written) when it holds some.
    static func seedIfEmpty(_ book: LoanBook, catalog: Catalog, settings: DemoSettings) throws -> DemoBook.Summary? {
        let loans = try book.store.read("SELECT COUNT(*) FROM loan_account", []).first?.int64(0) ?? 0
        guard loans == 0 else { return nil }
        do { return try DemoBook.seed(book, catalog: catalog, settings: settings) } catch {
            throw ValidationError("the demo stopped: \(error)")
        }
    }

    /// The summary as a small table: loans by class and by status.
    static func render(_ s: DemoBook.Summary) -> String {
        var lines = ["demo book through \(s.through.iso): \(s.loans) loans", "", "by classification:"]
        for asset in AssetClass.allCases where s.byClass[asset, default: 0] > 0 {
            lines.append("  " + asset.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + String(s.byClass[asset]!))
        }
        lines += ["", "by status:"]
        for status in [LoanStatus.active, .closed, .settled, .writtenOff] where s.byStatus[status, default: 0] > 0 {
            lines.append("  " + status.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + String(s.byStatus[status]!))
        }
        if s.refused > 0 { lines += ["", "\(s.refused) borrower actions refused by the loan book"] }
        return lines.joined(separator: "\n")
    }
}
