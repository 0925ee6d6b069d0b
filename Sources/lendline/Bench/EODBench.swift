import ArgumentParser
import Catalog
import Foundation
import Ledger
import LoanMath
import Servicing

/// `lendline bench eod`: a synthetic book of the shipped products, its day end timed, then single
/// repayments posted and committed one by one with their latency.
struct EODBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eod", abstract: "Time the end of day over a synthetic book, and repayment posting latency.")

    @Option(help: "Loans in the synthetic book.") var loans = 100_000
    @Option(help: "Day ends to time after the first (each one business day for every loan).") var days = 3
    @Option(help: "Repayments to post one at a time for the latency figures.") var repayments = 2_000
    @Option(name: .customLong("batch-size"), help: "Loans a day-end transaction takes.") var batchSize = 500
    @Option(help: "Database: postgres://… or a SQLite file (default: a new temporary SQLite file).") var database: String?
    @Option(help: "Configuration folder holding products/ and policies/.") var config = "."
    @Option(help: "Connections writing day-end batches at once on PostgreSQL.") var connections = 2
    @Flag(help: "On SQLite, checkpoint the WAL inside the writer's commits instead of from a thread of its own (as `lendline eod` and `serve` do).")
    var inlineCheckpoints = false
    @Flag(inversion: .prefixedNo,
          help: "On SQLite, write each day-end batch on a thread of its own while the next is decided (as `lendline eod` does).")
    var writeBehind = true
    @Flag(inversion: .prefixedNo,
          help: "On PostgreSQL, read the book on a connection of its own while the loans already read take their day (as `lendline eod` does).")
    var readAhead = true
    @Flag(help: "Use the bench loans already in --database (a copy of a booked book) instead of booking them.")
    var reuse = false

    func run() throws {
        let catalog: Catalog
        switch CatalogCompiler.load(directory: config) {
        case .success(let c): catalog = c
        case .failure(let error): throw error
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lendline-bench-\(UUID().uuidString).sqlite").path
        let location = database ?? path
        defer { if database == nil { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } } }
        let postgres = location.hasPrefix("postgres")
        // On SQLite the WAL is checkpointed by a thread of its own, off the posting path.
        let checkpointer = postgres || inlineCheckpoints ? nil : try SQLiteCheckpointer(path: location)
        defer { checkpointer?.stop() }
        let store: any EventStore = postgres ? try PostgresEventStore(url: location)
            : try SQLiteEventStore(connection: SQLiteConnection(path: location, autoCheckpoint: inlineCheckpoints))
        let writers: [any EventStore] = postgres ? try (1..<max(connections, 1)).map { _ in try PostgresEventStore(url: location) } : []
        var reader: (any EventStore)?
        if readAhead && postgres { reader = try PostgresEventStore(url: location) }
        let rules = ServicingRules(catalog: catalog)
        var tick: Int64 = 1_780_000_000_000_000
        let book = LoanBook(store: store, rules: rules, catalogVersion: catalog.version.hash) { tick += 1; return tick }
        let clock = ContinuousClock()

        print("allocator \(Allocator.description), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        // Every loan disbursed on the same date so one day end is one loan-day each.
        var start = LocalDate(iso: "2026-01-10")!
        if reuse {
            let rows = try store.read("""
                SELECT count(*), min(next_day_end) FROM loan_account WHERE loan_id LIKE 'B%' AND status = 'active'
                """, [])
            guard let row = rows.first, row.int64(0) == Int64(loans), let next = LocalDate(iso: row.text(1)) else {
                throw ValidationError("--reuse: the database does not hold \(loans) active bench loans")
            }
            start = next
            print("reusing \(loans) booked loans, next day end \(next.iso)")
        } else {
            try bookLoans(on: start, catalog: catalog, store: store, book: book, postgres: postgres)
        }

        var date = start
        // The first day end of a process reads every loan from the store (its events replayed).
        let coldStart = clock.now
        let cold = try book.runDayEnd(through: date, batchSize: batchSize, writers: writers,
                                      writeBehind: writeBehind && !postgres, reader: reader)
        let coldSeconds = (clock.now - coldStart).milliseconds / 1000
        print("day end \(date.iso), every loan read from the store first: \(cold.loanDays) loans in "
              + "\(format(coldSeconds, places: 2)) s = \(format(Double(cold.loanDays) / coldSeconds, places: 0)) loans/s")
        var (loanDays, total) = (0, 0.0)
        for _ in 0..<days {
            date = date.adding(days: 1)
            let began = clock.now
            let report = try book.runDayEnd(through: date, batchSize: batchSize, writers: writers, writeBehind: writeBehind && !postgres)
            let seconds = (clock.now - began).milliseconds / 1000
            loanDays += report.loanDays
            total += seconds
            print("day end \(date.iso): \(report.loanDays) loans, \(report.events) events in \(format(seconds, places: 2)) s "
                  + "= \(format(Double(report.loanDays) / seconds, places: 0)) loans/s")
        }

        if days > 0 {
            print("day ends with the loans in memory: \(loanDays) loan-days in \(format(total, places: 2)) s = "
                  + "\(format(Double(loanDays) / total, places: 0)) loans/s (\(writers.count + 1) connection(s))")
        }

        var generator = SeededGenerator(seed: 7)
        var latencies: [Duration] = []
        let payDate = date.adding(days: 1)
        for n in 0..<repayments {
            let id = String(format: "B%07d", Int(generator.next() % UInt64(loans)))
            let began = clock.now
            try book.repay(id, amount: Money(major: 1_000), on: payDate, reference: "BENCH\(n)",
                         idempotencyKey: "bench-\(payDate.iso)-\(n)")
            latencies.append(clock.now - began)
        }
        guard !latencies.isEmpty else { return }
        let stats = BenchStatistics(latencies)
        let posting = latencies.reduce(Duration.zero, +)
        print("repayment posted and committed, one at a time: p50 \(format(stats.median.milliseconds, places: 2)) ms, "
              + "p99 \(format(stats.percentile(0.99).milliseconds, places: 2)) ms, "
              + "\(format(Double(repayments) / (posting.milliseconds / 1000), places: 0)) /s (\(repayments) repayments)")
    }

    /// Books `loans` synthetic loans of the shipped products, all disbursed on `date`.
    private func bookLoans(on date: LocalDate, catalog: Catalog, store: any EventStore, book: LoanBook,
                      postgres: Bool) throws {
        let clock = ContinuousClock()
        var mix = try MixedBook.terms(count: loans, configDirectory: config).terms
        for i in mix.indices { mix[i].disbursementDate = date }
        let products = catalog.products.keys.sorted()
        let bookingStarted = clock.now
        for chunk in stride(from: 0, to: mix.count, by: 1_000) {
            try store.inTransaction {
                for i in chunk..<min(chunk + 1_000, mix.count) {
                    let booking = LoanBooking(loanID: String(format: "B%07d", i), product: products[i % products.count],
                                              schedule: try ScheduleEngine.schedule(for: mix[i]), securityValue: .zero())
                    try book.activate(booking, idempotencyKey: "book")
                }
            }
        }
        let booking = clock.now - bookingStarted
        print("booked \(loans) loans (\(postgres ? "PostgreSQL" : "SQLite")) in "
              + "\(format(booking.milliseconds / 1000, places: 1)) s")
    }
}
