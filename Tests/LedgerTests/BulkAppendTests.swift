import Ledger
import LedgerTestSupport
import LoanMath
import Testing

/// The day end's bulk append, waited for (`appendMany`) and started then finished
/// (`startAppendMany`, pipelined on PostgreSQL): all of it or nothing, and a loan another writer
/// moved is a conflict naming that loan.
@Suite("Bulk append on SQLite and PostgreSQL")
struct BulkAppendTests {
    enum Mode: String, CaseIterable, CustomStringConvertible {
        case waited, started
        var description: String { rawValue }
    }

    static let cases = Backend.available.flatMap { backend in Mode.allCases.map { (backend, $0) } }

    func bulk(_ loan: String, after expected: Int64, events: Int = 1) -> EventBatch {
        var b = batch(loan, after: expected, key: "day-end:2026-04-01",
                      events: Array(repeating: NewEvent(.accrual, valueDate: day, payload: #"{"interest":1}"#), count: events))
        b.recordsCommand = false
        return b
    }

    func append(_ store: any EventStore, _ mode: Mode, _ batches: [EventBatch],
                project: (ProjectionContext) throws -> Void = { _ in }) throws -> [[LoanEvent]] {
        switch mode {
        case .waited: return try store.appendMany(batches, project: project)
        case .started: return try store.finishAppendMany(store.startAppendMany(batches, project: project))
        }
    }

    @Test("every loan's events are written after its sequence, with the projections", arguments: cases)
    func writes(backend: Backend, mode: Mode) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        _ = try store.append(batch("L1", after: 0, key: "open"))
        _ = try store.append(batch("L2", after: 0, key: "open", events: [
            NewEvent(.activate, valueDate: day), NewEvent(.disburse, valueDate: day, payload: "{}"),
        ]))
        try store.inTransaction { _ = try store.read("CREATE TABLE bulk_note (loan_id TEXT PRIMARY KEY, n BIGINT)", []) }
        let written = try append(store, mode, [bulk("L1", after: 1), bulk("L2", after: 2, events: 2), bulk("L3", after: 0)]) {
            for (loan, n) in [("L1", 1), ("L2", 2), ("L3", 3)] {
                try $0.execute("INSERT INTO bulk_note (loan_id, n) VALUES (?, ?)", [.text(loan), .integer(Int64(n))])
            }
        }
        #expect(written.map { $0.map(\.sequence) } == [[2], [3, 4], [1]])
        #expect(try store.lastSequence(loanID: "L1") == 2)
        #expect(try store.lastSequence(loanID: "L2") == 4)
        #expect(try store.lastSequence(loanID: "L3") == 1)
        #expect(try store.events(loanID: "L2", after: 2).map(\.type) == [.accrual, .accrual])
        #expect(try store.sql("SELECT COUNT(*) FROM bulk_note").first?.int64(0) == 3)
        // The store takes ordinary work again afterwards.
        _ = try store.append(batch("L1", after: 2, key: "pay"))
        #expect(try store.lastSequence(loanID: "L1") == 3)
    }

    @Test("a loan another writer moved: conflict naming it, nothing of the batch written", arguments: cases)
    func conflict(backend: Backend, mode: Mode) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        for loan in ["L1", "L2", "L3"] { _ = try store.append(batch(loan, after: 0, key: "open")) }
        _ = try store.append(batch("L2", after: 1, key: "pay"))  // L2 is at 2 now, the bulk expects 1
        var refused: LedgerError?
        do {
            _ = try append(store, mode, [bulk("L1", after: 1), bulk("L2", after: 1), bulk("L3", after: 1)])
        } catch let error as LedgerError {
            refused = error
        }
        #expect(refused == .concurrencyConflict(loanID: "L2", expected: 1, actual: 2))
        for (loan, last) in [("L1", 1), ("L2", 2), ("L3", 1)] {
            #expect(try store.lastSequence(loanID: loan) == Int64(last))
            #expect(try store.events(loanID: loan, after: 0).count == last)
        }
        // Retried from where the loans are, it goes through.
        let written = try append(store, mode, [bulk("L1", after: 1), bulk("L2", after: 2), bulk("L3", after: 1)])
        #expect(written.map { $0.map(\.sequence) } == [[2], [3], [2]])
    }

    @Test("a projection that fails abandons the whole batch", arguments: cases)
    func failingProjection(backend: Backend, mode: Mode) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        _ = try store.append(batch("L1", after: 0, key: "open"))
        #expect(throws: (any Error).self) {
            _ = try append(store, mode, [bulk("L1", after: 1)]) {
                try $0.execute("INSERT INTO no_such_table (x) VALUES (?)", [.integer(1)])
            }
        }
        #expect(try store.lastSequence(loanID: "L1") == 1)
        #expect(try store.events(loanID: "L1", after: 0).count == 1)
        _ = try store.append(batch("L1", after: 1, key: "pay"))
        #expect(try store.lastSequence(loanID: "L1") == 2)
    }

    /// Batches of several megabytes: more than a socket takes at once, so on PostgreSQL the rest
    /// is sent by the flusher thread while the caller goes on with another connection.
    static func large(_ loans: Int, after expected: (Int) -> Int64) -> [EventBatch] {
        let note = String(repeating: "x", count: 2_000)
        return (0..<loans).map { i in
            var b = batch(String(format: "L%05d", i), after: expected(i), key: "day-end:2026-04-01",
                          events: [NewEvent(.accrual, valueDate: day, payload: #"{"note":"\#(note)\#(i)"}"#)])
            b.recordsCommand = false
            return b
        }
    }

    @Test("a batch of megabytes is written whole while the caller works on another connection",
          arguments: Backend.available)
    func largeBatch(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open(), other = try db.open()
        let batches = Self.large(3_000, after: { _ in 0 })
        let pending = try store.startAppendMany(batches) { _ in }
        // Meanwhile: another connection reads (the flusher owns the first one's socket).
        _ = try other.read("SELECT COUNT(*) FROM loan_event", [])
        let written = try store.finishAppendMany(pending)
        #expect(written.count == 3_000)
        #expect(try store.sql("SELECT COUNT(*) FROM loan_event").first?.int64(0) == 3_000)
        let last = try #require(try store.events(loanID: "L02999", after: 0).first)
        #expect(last.payload.hasSuffix("x2999\"}"))
        _ = try store.append(batch("L00000", after: 1, key: "pay"))
        #expect(try store.lastSequence(loanID: "L00000") == 2)
    }

    @Test("a conflict at the start of a batch of megabytes: nothing written, the connection usable",
          arguments: cases)
    func largeBatchConflict(backend: Backend, mode: Mode) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        _ = try store.append(batch("L00000", after: 0, key: "open"))
        var refused: LedgerError?
        do {
            // L00000 is at 1; the batch expects 0 for every loan.
            _ = try append(store, mode, Self.large(3_000, after: { _ in 0 }))
        } catch let error as LedgerError {
            refused = error
        }
        #expect(refused == .concurrencyConflict(loanID: "L00000", expected: 0, actual: 1))
        #expect(try store.sql("SELECT COUNT(*) FROM loan_event").first?.int64(0) == 1)
        let written = try append(store, mode, Self.large(3_000, after: { $0 == 0 ? 1 : 0 }))
        #expect(written.count == 3_000)
        #expect(try store.sql("SELECT COUNT(*) FROM loan_event").first?.int64(0) == 3_001)
    }
}
