import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

/// A process's first day end reading its book on a connection of its own (`reader`) while the
/// loans already read take their day: the same book as a process that had them in memory, and a reader that
/// fails stops the day end with nothing half-done.
@Suite("Day end reading the book ahead (SQLite and PostgreSQL)")
struct DayEndReadAheadTests {
    static let loans = DayEndWritersTests.loans

    /// A booked book run to 27 Feb, with a part payment on L-2 on 5 Feb.
    func book(_ backend: Backend) throws -> BookFixture {
        let f = try BookFixture(backend)
        for id in Self.loans { try f.book.activate(try rbiBooking(id), idempotencyKey: "book") }
        _ = try f.book.runDayEnd(through: date("2026-02-04"), batchSize: 5)
        try f.book.repay("L-2", amount: rupees("5000"), on: date("2026-02-05"), reference: "UTR2", idempotencyKey: "p2")
        _ = try f.book.runDayEnd(through: date("2026-02-27"), batchSize: 5)
        return f
    }

    @Test("read ahead on its own connection: the book the loans in memory make, to the paisa",
          arguments: Backend.available, [false, true])
    func sameBook(backend: Backend, writeBehind: Bool) throws {
        let plain = try book(backend)
        let ahead = try book(backend)
        // The plain book carries on with its loans in memory; the other is a new process's.
        let one = try plain.book.runDayEnd(through: date("2026-03-31"), batchSize: 5)
        let reader = try ahead.database.open()
        let two = try BookFixture.open(ahead.database).runDayEnd(through: date("2026-03-31"), batchSize: 5,
                                                                 writeBehind: writeBehind, reader: reader)
        #expect(two.failures.isEmpty && one.failures.isEmpty)
        #expect(two.loanDays == 12 * 32 && two.loanDays == one.loanDays)  // 28 Feb to 31 Mar
        #expect(two.events == one.events)
        #expect(try ahead.glByLoanAndAccount() == plain.glByLoanAndAccount())
        #expect(try ahead.repeatedDayEnds().isEmpty)
        let expected = Dictionary(uniqueKeysWithValues: try plain.stored(Self.loans).map { ($0.id, $0.state) })
        for (id, state) in try ahead.stored(Self.loans) {
            #expect(state == expected[id], "\(id)")
            // 1% a month on ₹1,00,000, then on 1,00,000 − 7,884.88 (L-2 paid early: its own figures).
            if id != "L-2" { #expect(state.interestRecognised == rupees("1921.15"), "\(id)") }
            #expect(state.nextDayEnd == date("2026-04-01"), "\(id)")
        }
        #expect(try LedgerVerification.verify(ahead.book.store).differences.isEmpty)
    }

    @Test("read in chunks on its own thread: every loan as it is alone, in the order asked, unknown ids left out",
          arguments: Backend.available)
    func chunks(backend: Backend) throws {
        let f = try book(backend)
        let order = Self.loans.reversed() + ["L-none"]
        let prefetch = BookPrefetch(Array(order), from: try f.database.open(), chunk: 5)
        var sizes: [Int] = []
        var read: [String] = []
        while let chunk = try prefetch.next() {
            sizes.append(chunk.count)
            read += chunk.map(\.id)
            for (id, state) in chunk { #expect(state == (try BookFixture.open(f.database).state(id)), "\(id)") }
        }
        // 13 ids in chunks of 5: 5, 5, and the last 3 less the unknown one.
        #expect(sizes == [5, 5, 2])
        #expect(read == Array(Self.loans.reversed()))
        #expect(try prefetch.next() == nil)
        prefetch.stop()
    }

    @Test("a reader that fails stops the day end with its error; run again, each loan-day once",
          arguments: Backend.available)
    func readerFails(backend: Backend) throws {
        let f = try book(backend)
        // The reader's first read (of the whole book: one chunk of 2,000 holds it) fails.
        let failing = FailingReader(try f.database.open(), failAfter: 0)
        #expect(throws: ServicingError.self) {
            _ = try BookFixture.open(f.database).runDayEnd(through: date("2026-03-31"), batchSize: 5, reader: failing)
        }
        let accrualsAfterFailure = try f.sql("SELECT COUNT(*) FROM loan_event WHERE event_type = 'accrual'").first?.int64(0)
        // Booked 31 Jan … 27 Feb day ends only (28 a loan): the failed run wrote nothing.
        #expect(accrualsAfterFailure == Int64(12 * 28))
        let report = try BookFixture.open(f.database).runDayEnd(through: date("2026-03-31"), batchSize: 5,
                                                                reader: try f.database.open())
        #expect(report.failures.isEmpty && report.loanDays == 12 * 32)
        let accruals = try f.sql("SELECT COUNT(*) FROM loan_event WHERE event_type = 'accrual'").first?.int64(0)
        #expect(accruals == Int64(12 * 60))
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }
}

/// A store whose `histories` fails after `failAfter` reads; everything else goes to `inner`.
final class FailingReader: EventStore {
    let inner: any EventStore
    var remaining: Int
    struct Broken: Error {}

    init(_ inner: any EventStore, failAfter: Int) {
        self.inner = inner
        remaining = failAfter
    }

    func histories(loanIDs: [String], checkpointFormat: Int) throws -> [String: LoanHistory] {
        if remaining == 0 { throw Broken() }
        remaining -= 1
        return try inner.histories(loanIDs: loanIDs, checkpointFormat: checkpointFormat)
    }

    func append(_ batch: EventBatch, project: (ProjectionContext) throws -> Void) throws -> AppendOutcome {
        try inner.append(batch, project: project)
    }
    func events(loanID: String, after sequence: Int64) throws -> [LoanEvent] { try inner.events(loanID: loanID, after: sequence) }
    func events(loanIDs: [String]) throws -> [String: [LoanEvent]] { try inner.events(loanIDs: loanIDs) }
    func lastSequence(loanID: String) throws -> Int64 { try inner.lastSequence(loanID: loanID) }
    func command(loanID: String, idempotencyKey: String, requestHash: String) throws -> [LoanEvent]? {
        try inner.command(loanID: loanID, idempotencyKey: idempotencyKey, requestHash: requestHash)
    }
    func inTransaction<T>(_ body: () throws -> T) throws -> T { try inner.inTransaction(body) }
    func read(_ sql: String, _ values: [SQLValue?]) throws -> [SQLRow] { try inner.read(sql, values) }
    func appendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> [[LoanEvent]] {
        try inner.appendMany(batches, project: project)
    }
    func startAppendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> PendingAppend {
        try inner.startAppendMany(batches, project: project)
    }
    func finishAppendMany(_ pending: PendingAppend) throws -> [[LoanEvent]] { try inner.finishAppendMany(pending) }
}
