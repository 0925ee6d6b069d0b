import Foundation
import Ledger
import LoanMath
import Testing

/// A fresh database file in a temporary directory.
struct ScratchDatabase {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).sqlite").path
    }
    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

let day = LocalDate(iso: "2026-04-01")!

func batch(_ loan: String, after expected: Int64, key: String, hash: String = "h", events: [NewEvent]? = nil) -> EventBatch {
    EventBatch(loanID: loan, expectedSequence: expected, idempotencyKey: key, requestHash: hash, catalogVersion: "v1",
               recordedAt: 1_775_000_000_000_000,
               events: events ?? [NewEvent(.repayment, valueDate: day, payload: #"{"amount":"1000.00"}"#)])
}

@Suite("Event store on SQLite")
struct SQLiteEventStoreTests {
    @Test("appends number events 1, 2, 3… per loan and read back in order")
    func appendAndRead() throws {
        let db = ScratchDatabase()
        defer { db.remove() }
        let store = try SQLiteEventStore(path: db.path)
        let first = try store.append(batch("L1", after: 0, key: "k1", events: [
            NewEvent(.activate, valueDate: day), NewEvent(.disburse, valueDate: day, payload: #"{"amount":"500000.00"}"#),
        ]))
        #expect(first == .appended(first.events))
        #expect(first.events.map(\.sequence) == [1, 2])
        _ = try store.append(batch("L1", after: 2, key: "k2"))
        _ = try store.append(batch("L2", after: 0, key: "k1"))
        let events = try store.events(loanID: "L1", after: 0)
        #expect(events.map(\.sequence) == [1, 2, 3])
        #expect(events.map(\.type) == [.activate, .disburse, .repayment])
        #expect(events[1].payload == #"{"amount":"500000.00"}"#)
        #expect(events[2].valueDate == day)
        #expect(try store.lastSequence(loanID: "L1") == 3)
        #expect(try store.lastSequence(loanID: "L2") == 1)
        #expect(try store.lastSequence(loanID: "none") == 0)
        #expect(try store.events(loanID: "L1", after: 2).map(\.sequence) == [3])
    }

    @Test("a repeated command returns its original events and writes nothing; another request with the key is refused")
    func idempotency() throws {
        let db = ScratchDatabase()
        defer { db.remove() }
        let store = try SQLiteEventStore(path: db.path)
        let original = try store.append(batch("L1", after: 0, key: "pay-1", hash: "A"))
        let again = try store.append(batch("L1", after: 0, key: "pay-1", hash: "A"))
        #expect(again == .duplicate(original.events))
        #expect(try store.lastSequence(loanID: "L1") == 1)
        #expect(throws: LedgerError.idempotencyConflict(loanID: "L1", key: "pay-1")) {
            try store.append(batch("L1", after: 1, key: "pay-1", hash: "B"))
        }
        // The same key on another loan is another command.
        #expect(try store.append(batch("L2", after: 0, key: "pay-1", hash: "B")).events.count == 1)
    }

    @Test("a writer that did not see the latest event is refused (optimistic concurrency)")
    func concurrencyConflict() throws {
        let db = ScratchDatabase()
        defer { db.remove() }
        let store = try SQLiteEventStore(path: db.path)
        _ = try store.append(batch("L1", after: 0, key: "a"))
        #expect(throws: LedgerError.concurrencyConflict(loanID: "L1", expected: 0, actual: 1)) {
            try store.append(batch("L1", after: 0, key: "b"))
        }
        #expect(try store.events(loanID: "L1", after: 0).count == 1)
    }

    @Test("bad batches are refused before anything is written")
    func invalidBatches() throws {
        let db = ScratchDatabase()
        defer { db.remove() }
        let store = try SQLiteEventStore(path: db.path)
        #expect(throws: LedgerError.self) { try store.append(batch("", after: 0, key: "a")) }
        #expect(throws: LedgerError.self) { try store.append(batch("L1", after: 0, key: "a", events: [])) }
        #expect(throws: LedgerError.self) { try store.append(batch(String(repeating: "x", count: 65), after: 0, key: "a")) }
        #expect(try store.lastSequence(loanID: "L1") == 0)
    }

    @Test("a projection that fails rolls the whole append back")
    func projectionRollback() throws {
        let db = ScratchDatabase()
        defer { db.remove() }
        let store = try SQLiteEventStore(path: db.path)
        try store.connection.execute("CREATE TABLE loan_balance (loan_id TEXT PRIMARY KEY, paid BIGINT NOT NULL)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.append(batch("L1", after: 0, key: "a")) { context in
                try context.execute("INSERT INTO loan_balance (loan_id, paid) VALUES (?, ?)", [.text("L1"), .integer(100_000)])
                throw Boom()
            }
        }
        #expect(try store.lastSequence(loanID: "L1") == 0)
        _ = try store.append(batch("L1", after: 0, key: "a")) { context in
            try context.execute("INSERT INTO loan_balance (loan_id, paid) VALUES (?, ?)", [.text("L1"), .integer(100_000)])
        }
        let paid = try store.connection.query("SELECT paid FROM loan_balance WHERE loan_id = 'L1'", [])
        #expect(paid.first?.int64(0) == 100_000)
    }

    @Test("events survive reopening; migrations run once")
    func durable() throws {
        let db = ScratchDatabase()
        defer { db.remove() }
        do {
            let store = try SQLiteEventStore(path: db.path)
            _ = try store.append(batch("L1", after: 0, key: "a"))
        }
        let reopened = try SQLiteEventStore(path: db.path)
        #expect(try reopened.events(loanID: "L1", after: 0).count == 1)
        let versions = try reopened.connection.query("SELECT COUNT(*) FROM schema_migration", [])
        #expect(versions.first?.int64(0) == Int64(LedgerSchema.migrations.count))
    }

    @Test("many writers on one loan at once: serialised by retry, none lost, none doubled")
    func concurrentWriters() async throws {
        let db = ScratchDatabase()
        defer { db.remove() }
        _ = try SQLiteEventStore(path: db.path)
        let writers = 8, perWriter = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<writers {
                group.addTask {
                    let store = try SQLiteEventStore(path: db.path)
                    for i in 0..<perWriter {
                        while true {
                            let last = try store.lastSequence(loanID: "L1")
                            do {
                                _ = try store.append(batch("L1", after: last, key: "w\(w)-\(i)"))
                                break
                            } catch LedgerError.concurrencyConflict { continue }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let events = try SQLiteEventStore(path: db.path).events(loanID: "L1", after: 0)
        #expect(events.count == writers * perWriter)
        #expect(events.map(\.sequence) == Array(1...Int64(writers * perWriter)))
        #expect(Set(events.map(\.idempotencyKey)).count == writers * perWriter)
    }
}
