import Foundation
import Ledger
import LoanMath
import LedgerTestSupport
import Testing

extension EventStore {
    /// Runs `text` on whichever backend the store uses.
    func sql(_ text: String) throws -> [SQLRow] { try read(text, []) }
}

let day = LocalDate(iso: "2026-04-01")!

func batch(_ loan: String, after expected: Int64, key: String, hash: String = "h", events: [NewEvent]? = nil) -> EventBatch {
    EventBatch(loanID: loan, expectedSequence: expected, idempotencyKey: key, requestHash: hash, catalogVersion: "v1",
               recordedAt: 1_775_000_000_000_000,
               events: events ?? [NewEvent(.repayment, valueDate: day, payload: #"{"amount":"1000.00"}"#)])
}

@Suite("Event store on SQLite and PostgreSQL")
struct SQLiteEventStoreTests {
    @Test("appends number events 1, 2, 3… per loan and read back in order", arguments: Backend.available)
    func appendAndRead(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
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

    @Test("many loans' events in one read: each loan's in order, loans with none left out, past 500 keys",
          arguments: Backend.available)
    func manyLoans(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let loans = (0..<1_200).map { String(format: "L%04d", $0) }
        try store.inTransaction {
            for (i, loan) in loans.enumerated() {
                _ = try store.append(batch(loan, after: 0, key: "open", events: [NewEvent(.activate, valueDate: day)]))
                if i % 3 == 0 { _ = try store.append(batch(loan, after: 1, key: "pay")) }
            }
        }
        let read = try store.events(loanIDs: loans + ["absent"])
        #expect(read.count == 1_200)
        #expect(read["absent"] == nil)
        #expect(read["L0000"]?.map(\.type) == [.activate, .repayment])
        #expect(read["L1199"]?.map(\.sequence) == [1])
        #expect(read["L0999"]?.map(\.sequence) == [1, 2])
        for loan in ["L0000", "L0501", "L1198"] { #expect(read[loan] == (try store.events(loanID: loan, after: 0))) }
    }

    @Test("histories: each loan's checkpoint of the format asked for and the events after it, else every event",
          arguments: Backend.available)
    func histories(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        let loans = (0..<900).map { String(format: "L%04d", $0) }
        try store.inTransaction {
            for (i, loan) in loans.enumerated() {
                _ = try store.append(batch(loan, after: 0, key: "open", events: [NewEvent(.activate, valueDate: day)]))
                _ = try store.append(batch(loan, after: 1, key: "pay")) { context in
                    // Every other loan has a checkpoint at its first event; every tenth one of format 2.
                    guard i % 2 == 0 else { return }
                    let row = LoanCheckpointRow(sequence: 1, format: i % 10 == 0 ? 2 : 1, state: "state of \(loan)")
                    try context.execute(LoanCheckpointRow.upsert, row.values(loanID: loan))
                }
                _ = try store.append(batch(loan, after: 2, key: "pay-2"))
            }
        }
        let read = try store.histories(loanIDs: loans + ["absent"], checkpointFormat: 1)
        #expect(read.count == 900 && read["absent"] == nil)
        #expect(read["L0002"] == LoanHistory(checkpoint: LoanCheckpointRow(sequence: 1, format: 1, state: "state of L0002"),
                                             events: try store.events(loanID: "L0002", after: 1)))
        #expect(read["L0002"]?.events.map(\.sequence) == [2, 3])
        // No checkpoint, or one of another format: every event.
        for loan in ["L0001", "L0010", "L0899"] {
            #expect(read[loan] == LoanHistory(checkpoint: nil, events: try store.events(loanID: loan, after: 0)), "\(loan)")
        }
        // A newer checkpoint replaces the one before.
        _ = try store.append(batch("L0002", after: 3, key: "pay-3")) { context in
            try context.execute(LoanCheckpointRow.upsert,
                                LoanCheckpointRow(sequence: 4, format: 1, state: "later").values(loanID: "L0002"))
        }
        let later = try store.histories(loanIDs: ["L0002"], checkpointFormat: 1)["L0002"]
        #expect(later == LoanHistory(checkpoint: LoanCheckpointRow(sequence: 4, format: 1, state: "later"), events: []))
    }

    @Test("a repeated command returns its original events and writes nothing; another request with the key is refused", arguments: Backend.available)
    func idempotency(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
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

    @Test("a writer that did not see the latest event is refused (optimistic concurrency)", arguments: Backend.available)
    func concurrencyConflict(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        _ = try store.append(batch("L1", after: 0, key: "a"))
        #expect(throws: LedgerError.concurrencyConflict(loanID: "L1", expected: 0, actual: 1)) {
            try store.append(batch("L1", after: 0, key: "b"))
        }
        #expect(try store.events(loanID: "L1", after: 0).count == 1)
    }

    @Test("bad batches are refused before anything is written", arguments: Backend.available)
    func invalidBatches(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        #expect(throws: LedgerError.self) { try store.append(batch("", after: 0, key: "a")) }
        #expect(throws: LedgerError.self) { try store.append(batch("L1", after: 0, key: "a", events: [])) }
        #expect(throws: LedgerError.self) { try store.append(batch(String(repeating: "x", count: 65), after: 0, key: "a")) }
        #expect(try store.lastSequence(loanID: "L1") == 0)
    }

    @Test("a stored row of an unknown event type or with a bad value date is an error naming it", arguments: Backend.available)
    func unreadableRows(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        _ = try store.append(batch("L1", after: 0, key: "k1"))
        _ = try store.append(batch("L1", after: 1, key: "k2"))
        _ = try store.sql("UPDATE loan_event SET event_type = 'teleport' WHERE loan_id = 'L1' AND sequence = 2")
        #expect(throws: LedgerError.unreadableEvent(loanID: "L1", sequence: 2, reason: "unknown event type 'teleport'")) {
            try store.events(loanID: "L1", after: 0)
        }
        _ = try store.sql("UPDATE loan_event SET event_type = 'repayment', value_date = '2026-02-30' WHERE sequence = 2")
        #expect(throws: LedgerError.unreadableEvent(loanID: "L1", sequence: 2, reason: "value date '2026-02-30' is not a date")) {
            try store.events(loanID: "L1", after: 1)
        }
    }

    @Test("a projection that fails rolls the whole append back", arguments: Backend.available)
    func projectionRollback(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        _ = try store.sql("CREATE TABLE loan_balance (loan_id TEXT PRIMARY KEY, paid BIGINT NOT NULL)")
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
        let paid = try store.sql("SELECT paid FROM loan_balance WHERE loan_id = 'L1'")
        #expect(paid.first?.int64(0) == 100_000)
    }

    @Test("events survive reopening; migrations run once", arguments: Backend.available)
    func durable(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        do {
            let store = try db.open()
            _ = try store.append(batch("L1", after: 0, key: "a"))
        }
        let reopened = try db.open()
        #expect(try reopened.events(loanID: "L1", after: 0).count == 1)
        let versions = try reopened.sql("SELECT COUNT(*) FROM schema_migration")
        let dialect: SQLDialect = backend == .postgres ? .postgresql : .sqlite
        #expect(versions.first?.int64(0) == Int64(LedgerSchema.migrations(for: dialect).count))
    }

    @Test("loans in byte order of their ids on both backends, whatever the database's locale", arguments: Backend.available)
    func idOrder(backend: Backend) throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        let store = try db.open()
        for id in ["l-A", "L-b", "L-9", "L_1", "L-a", "L-10", "L-B", "L-1"] { _ = try store.append(batch(id, after: 0, key: "a")) }
        // '-' 0x2D < '0'–'9' 0x30–0x39 < 'A'–'Z' 0x41–0x5A < '_' 0x5F < 'a'–'z' 0x61–0x7A.
        let ordered = try store.sql("SELECT loan_id FROM loan_event ORDER BY loan_id").map { $0.text(0) }
        #expect(ordered == ["L-1", "L-10", "L-9", "L-B", "L-a", "L-b", "L_1", "l-A"])
        guard backend == .postgres else { return }
        // PostgreSQL (migration 13): byte-wise ids on the ledger's tables, checkpoints kept in the row uncompressed.
        let collations = try store.sql("""
            SELECT table_name, collation_name FROM information_schema.columns
            WHERE column_name = 'loan_id' AND table_name IN ('loan_event', 'loan_command', 'loan_account',
                'schedule_line', 'classification', 'gl_entry', 'loan_checkpoint') ORDER BY 1
            """).map { "\($0.text(0)) \($0.text(1))" }
        #expect(collations == ["classification C", "gl_entry C", "loan_account C", "loan_checkpoint C", "loan_command C",
                               "loan_event C", "schedule_line C"])
        let storage = try store.sql("""
            SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'loan_checkpoint'::regclass AND attname = 'state'
            """)
        #expect(storage.first?.text(0) == "e")
    }

    @Test("a new PostgreSQL database's ledger tables are left unanalysed, so its statements are not planned for empty tables")
    func newDatabaseNotAnalysed() throws {
        guard Backend.available.contains(.postgres) else { return }
        let db = try ScratchDatabase(.postgres)
        defer { db.remove() }
        let store = try db.open()
        // reltuples -1: never analysed (PostgreSQL 14 on). Analysed empty it would be 0.
        let rows = try store.sql("""
            SELECT relname, reltuples::bigint FROM pg_class WHERE relname IN ('loan_event', 'loan_checkpoint',
                'loan_command', 'loan_account', 'schedule_line', 'classification', 'gl_entry') ORDER BY 1
            """).map { "\($0.text(0)) \($0.int64(1))" }
        #expect(rows == ["classification -1", "gl_entry -1", "loan_account -1", "loan_checkpoint -1", "loan_command -1",
                         "loan_event -1", "schedule_line -1"])
    }

    @Test("many writers on one loan at once: serialised by retry, none lost, none doubled", arguments: Backend.available)
    func concurrentWriters(backend: Backend) async throws {
        let db = try ScratchDatabase(backend)
        defer { db.remove() }
        _ = try db.open()
        let writers = 8, perWriter = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<writers {
                group.addTask {
                    let store = try db.open()
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
        let events = try db.open().events(loanID: "L1", after: 0)
        #expect(events.count == writers * perWriter)
        #expect(events.map(\.sequence) == Array(1...Int64(writers * perWriter)))
        #expect(Set(events.map(\.idempotencyKey)).count == writers * perWriter)
    }
}
