import ArgumentParser
import Foundation
import Ledger
import LoanMath
import Servicing

/// `lendline eod --date D`: the day end of every active loan through D (catching up any loan behind).
struct EODCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eod", abstract: "Run the end of day for every active loan through a business date.",
        discussion: """
            Each loan is brought from its next day end through --date, one day at a time (a day is never
            skipped), in batches committed together. Re-running a date writes nothing; a run that was
            killed resumes from the last committed batch.
            """)

    @OptionGroup var options: BookOptions
    @Option(help: "Business date to run through (YYYY-MM-DD).") var date: String
    @Option(help: "Loans per transaction.") var batch: Int = 500
    @Option(help: "Connections writing batches at once on PostgreSQL (SQLite has one writer).") var connections: Int = 2

    func run() throws {
        let through = try parseDate(date, option: "--date")
        guard (1...10_000).contains(batch) else { throw ValidationError("--batch must be 1 to 10000") }
        guard (1...16).contains(connections) else { throw ValidationError("--connections must be 1 to 16") }
        let location = DatabaseLocation(options.databaseLocation)
        // On SQLite the WAL is moved into the file from a thread of its own, as `serve` does:
        // checkpoints inside the day end's commits cost it a third of its speed (measured).
        let checkpointer = location.isPostgres ? nil : try SQLiteCheckpointer(path: location.text)
        defer { checkpointer?.stop() }
        let (book, _) = try options.openBook(autoCheckpoint: checkpointer == nil)
        let writers = location.isPostgres ? try (1..<connections).map { _ in try location.openStore() } : []
        // PostgreSQL: the book is read on a connection of its own while the loans already read take
        // their day (the server's reading is another process's work). On SQLite the reading is this
        // process's own, and a third busy thread on two cores made the day end slower (measured).
        var reader: (any EventStore)?
        if location.isPostgres { reader = try location.openStore(autoCheckpoint: false) }
        let started = Date()
        let report: DayEndReport
        do {
            // SQLite: batches are written on a thread of their own while the next is decided.
            report = try book.runDayEnd(through: through, batchSize: batch, writers: writers,
                                        writeBehind: !location.isPostgres, reader: reader)
        } catch {
            throw refuse(error)
        }
        let seconds = Date().timeIntervalSince(started)
        print("day end through \(through.iso): \(report.loans) loans, \(report.loanDays) loan-days, "
              + "\(report.events) events, \(report.failures.count) refused, \(String(format: "%.2f", seconds)) s")
        for (loan, reason) in report.failures.sorted(by: { $0.key < $1.key }) { print("  \(loan): \(reason)") }
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
