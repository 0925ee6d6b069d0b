import Foundation
import Ledger
import LedgerTestSupport
import LoanMath
import Servicing
import Testing

/// `kill -9` of `lendline eod` part-way, then a rerun: every loan ends with one accrual per day, no
/// event twice, no day missing, and projections that match the events. On PostgreSQL the killed run
/// is also reading the book ahead on a connection of its own.
@Suite("lendline eod survives kill -9 (SQLite and PostgreSQL)")
struct DayEndCrashTests {
    /// The `lendline` executable built beside this test bundle.
    static var executable: String? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("lendline").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test("kill -9 during the day end, rerun: no duplicate or missing events", arguments: Backend.available)
    func killAndResume(backend: Backend) throws {
        let lendline = try #require(Self.executable, "the lendline executable is built with the tests")
        let database = try ScratchDatabase(backend)
        defer { database.remove() }
        let path = database.location
        let start = LocalDate(iso: "2026-01-10")!
        let through = LocalDate(iso: "2026-02-08")!  // 22 in January + 8 in February: 30 day ends per loan
        do {
            let store = try database.open()
            let book = LoanBook(store: store, rules: ServicingRules(), catalogVersion: "test") { 1 }
            try store.inTransaction {
                for i in 0..<400 {
                    let terms = LoanTerms(principal: Money(major: 100_000 + Int64(i) * 1_000), annualRate: Rate(basisPoints: 1_400),
                                          installmentCount: 24, disbursementDate: start)
                    try book.activate(LoanBooking(loanID: String(format: "K%04d", i), product: "personal-loan",
                                                  schedule: try ScheduleEngine.schedule(for: terms), securityValue: .zero()),
                                      idempotencyKey: "book")
                }
            }
        }
        let arguments = ["eod", "--config", Self.repositoryRoot, "--database", path, "--date", through.iso, "--batch", "20"]
        let first = Process()
        first.executableURL = URL(fileURLWithPath: lendline)
        first.arguments = arguments
        first.standardOutput = FileHandle.nullDevice
        try first.run()
        // Let it commit some batches, then kill it without warning.
        var waited = 0
        let store = try database.open()
        while waited < 600 {
            usleep(50_000)
            waited += 1
            let done = try store.read("SELECT COUNT(*) FROM loan_event WHERE event_type = 'accrual'", []).first?.int64(0) ?? 0
            if done > 2_000 { break }
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal)
        let partial = try store.read("SELECT COUNT(*) FROM loan_event WHERE event_type = 'accrual'", []).first?.int64(0) ?? 0
        #expect(partial > 0 && partial < 400 * 30, "killed part-way: \(partial) accruals")

        let second = Process()
        second.executableURL = URL(fileURLWithPath: lendline)
        second.arguments = arguments
        second.standardOutput = FileHandle.nullDevice
        try second.run()
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)

        // One accrual a day per loan, from disbursement through `through`, each once.
        let perLoan = try store.read("""
            SELECT loan_id, COUNT(*), COUNT(DISTINCT value_date), MIN(value_date), MAX(value_date)
            FROM loan_event WHERE event_type = 'accrual' GROUP BY loan_id
            """, [])
        #expect(perLoan.count == 400)
        for row in perLoan {
            #expect(row.int64(1) == 30 && row.int64(2) == 30, "\(row.text(0)): \(row.int64(1)) accruals")
            #expect(row.text(3) == start.iso && row.text(4) == through.iso)
        }
        // Sequences without gaps, and every projection equal to a rebuild from the events.
        let gaps = try store.read("""
            SELECT loan_id FROM loan_event GROUP BY loan_id HAVING MAX(sequence) <> COUNT(*)
            """, [])
        #expect(gaps.isEmpty)
        #expect(try LedgerVerification.verify(store).differences.isEmpty)
    }
}
