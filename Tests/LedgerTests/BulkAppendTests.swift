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
}
