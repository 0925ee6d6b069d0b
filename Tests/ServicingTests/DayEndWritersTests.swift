import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

/// The book-wide day end writing its batches over more than one connection (`writers`) and from a
/// thread of its own (`writeBehind`): the same book as over one, and a loan another writer moved
/// meanwhile taken on its own.
@Suite("Day end over several connections (SQLite and PostgreSQL)")
struct DayEndWritersTests {
    static let loans = (1...12).map { "L-\($0)" }

    func bookLoans(_ f: BookFixture) throws {
        for id in Self.loans { try f.book.activate(try rbiBooking(id), idempotencyKey: "book") }
    }

    @Test("batches over three connections: every loan's accrual to the paisa, one day end a date",
          arguments: Backend.available, [false, true])
    func sameBook(backend: Backend, writeBehind: Bool) throws {
        let f = try BookFixture(backend)
        try bookLoans(f)
        let writers = [try f.database.open(), try f.database.open()]
        // 12 loans in batches of 5: three batches a day, one on each connection.
        let report = try f.book.runDayEnd(through: date("2026-03-31"), batchSize: 5, writers: writers,
                                          writeBehind: writeBehind)
        #expect(report.failures.isEmpty)
        #expect(report.loans == 12)
        // 31 Jan to 31 Mar is 60 day ends a loan.
        #expect(report.loanDays == 12 * 60)
        #expect(try f.repeatedDayEnds().isEmpty)
        let accruals = try f.sql("SELECT COUNT(*) FROM loan_event WHERE event_type = 'accrual'").first?.int64(0)
        #expect(accruals == Int64(12 * 60))
        for (id, state) in try f.stored(Self.loans) {
            // Period 1 ₹1,000.00 (1% of 1,00,000), period 2 ₹921.15 (1% of 1,00,000 − 7,884.88).
            #expect(state.interestRecognised == rupees("1921.15"), "\(id)")
            #expect(state.nextDayEnd == date("2026-04-01"), "\(id)")
        }
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }

    @Test("a new process's day end loads the book in bulk and carries on where the last one stopped",
          arguments: Backend.available)
    func coldStart(backend: Backend) throws {
        let f = try BookFixture(backend)
        try bookLoans(f)
        _ = try f.book.runDayEnd(through: date("2026-02-27"), batchSize: 5)
        // A new book over the same database holds nothing in memory: every loan is loaded first.
        let fresh = try BookFixture.open(f.database)
        let report = try fresh.runDayEnd(through: date("2026-03-31"), batchSize: 5, writers: [try f.database.open()])
        #expect(report.failures.isEmpty)
        #expect(report.loanDays == 12 * 32)  // 28 Feb to 31 Mar
        #expect(try f.repeatedDayEnds().isEmpty)
        for (id, state) in try f.stored(Self.loans) {
            #expect(state.interestRecognised == rupees("1921.15"), "\(id)")
            // Instalment 1 (due 28 Feb) unpaid: 31 Mar is its 32nd day past due, SMA-1.
            #expect(state.daysPastDue == 32 && state.classification.assetClass == .sma1, "\(id)")
        }
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }

    @Test("a loan another writer moved meanwhile is taken on its own; the rest go on",
          arguments: Backend.available, [false, true])
    func concurrentWriter(backend: Backend, writeBehind: Bool) throws {
        let f = try BookFixture(backend)
        try bookLoans(f)
        let writers = [try f.database.open()]
        _ = try f.book.runDayEnd(through: date("2026-02-27"), batchSize: 5, writers: writers)
        // Another process posts L-3's first instalment; this book still holds L-3 as it was.
        let other = try BookFixture.open(f.database)
        try other.repay("L-3", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR3", idempotencyKey: "p3")
        let report = try f.book.runDayEnd(through: date("2026-03-31"), batchSize: 5, writers: writers,
                                          writeBehind: writeBehind)
        #expect(report.failures.isEmpty)
        #expect(report.loanDays == 12 * 32)  // 28 Feb to 31 Mar
        #expect(try f.repeatedDayEnds().isEmpty)
        let fresh = try BookFixture.open(f.database)
        // L-3 paid instalment 1: only instalment 2, due 31 Mar, is overdue, its first day (RBI's example).
        let paid = try #require(try fresh.state("L-3"))
        #expect(paid.daysPastDue == 1 && paid.classification.assetClass == .sma0)
        #expect(paid.nextDayEnd == date("2026-04-01"))
        // The others owe instalment 1 since 28 Feb: 31 Mar is its 32nd day past due, SMA-1 (31 to 60).
        for id in Self.loans where id != "L-3" {
            let unpaid = try #require(try fresh.state(id))
            #expect(unpaid.daysPastDue == 32 && unpaid.classification.assetClass == .sma1, "\(id)")
        }
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }

    @Test("written behind on one connection: the book a plain run makes, to the paisa", arguments: Backend.available)
    func writeBehindAlone(backend: Backend) throws {
        let plain = try BookFixture(backend)
        let behind = try BookFixture(backend)
        try bookLoans(plain)
        try bookLoans(behind)
        // Batches of 5 and 12 loans: two batches wait behind the writer at a time.
        let one = try plain.book.runDayEnd(through: date("2026-03-31"), batchSize: 5)
        let two = try behind.book.runDayEnd(through: date("2026-03-31"), batchSize: 5, writeBehind: true)
        #expect(two.loanDays == 12 * 60 && two.events == one.events && two.failures.isEmpty)
        #expect(try behind.repeatedDayEnds().isEmpty)
        #expect(try behind.glByLoanAndAccount() == plain.glByLoanAndAccount())
        for (id, state) in try behind.stored(Self.loans) { #expect(state.interestRecognised == rupees("1921.15"), "\(id)") }
        #expect(try LedgerVerification.verify(behind.book.store).differences.isEmpty)
    }

    @Test("the book loaded in chunks, read while the chunk before replays: each loan as it is alone",
          arguments: Backend.available)
    func chunkedLoad(backend: Backend) throws {
        let f = try BookFixture(backend)
        try bookLoans(f)
        _ = try f.book.runDayEnd(through: date("2026-02-04"), batchSize: 5)
        try f.book.repay("L-2", amount: rupees("5000"), on: date("2026-02-05"), reference: "UTR2", idempotencyKey: "p2")
        _ = try f.book.runDayEnd(through: date("2026-02-27"), batchSize: 5)
        let fresh = try BookFixture.open(f.database)
        // 12 loans in chunks of 5 (and one unknown id, which has no events and stays out).
        try fresh.load(Self.loans + ["L-none"], chunk: 5)
        #expect(fresh.cache.count == 12 && fresh.cache["L-none"] == nil)
        for (id, alone) in try f.stored(Self.loans) {
            #expect(fresh.cache[id] == alone, "\(id)")
            #expect(alone.nextDayEnd == date("2026-02-28"), "\(id)")
        }
    }
}
