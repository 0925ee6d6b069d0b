import Foundation
import Ledger
import LoanMath

/// A difference between a stored projection and the one rebuilt from events.
public struct ProjectionDifference: Sendable, Hashable, CustomStringConvertible {
    public var table: String
    public var key: String
    /// What is stored, nil when the row is missing.
    public var stored: String?
    /// What replaying the events gives, nil when the row should not exist.
    public var rebuilt: String?

    public var description: String {
        "\(table) \(key): stored \(stored ?? "(missing)"), rebuilt \(rebuilt ?? "(none)")"
    }
}

/// Rebuilds every projection from the events into a scratch database and compares it, row by row,
/// with what is stored, and checks each loan's checkpoint against its events replayed to the
/// checkpoint's sequence (`lendline ledger verify`).
///
/// The book is taken `chunk` loans at a time, in id order: their events in one read, their rebuild
/// in a scratch database emptied after each chunk, and the stored rows of the ids from the loan
/// after the chunk before through the chunk's last (the first and last chunks open-ended), so a row
/// of a loan with no events is compared too. Memory holds one chunk, whatever the book's size.
public enum LedgerVerification {
    /// The tables compared, with the columns that identify a row.
    static let tables: [(name: String, key: [String])] = [
        ("loan_account", ["loan_id"]), ("schedule_line", ["loan_id", "installment"]),
        ("classification", ["loan_id", "sequence"]), ("gl_entry", ["loan_id", "sequence", "line"]),
    ]

    /// Differences between `store`'s projections and a rebuild from its events; empty when they agree.
    /// Checkpoint differences come first, in loan order, then each table's, by key.
    public static func verify(_ store: any EventStore, chart: [GLAccount: String] = ServicingRules().chart,
                              chunk: Int = 1_000) throws -> (loans: Int, events: Int, differences: [ProjectionDifference]) {
        // One scratch database a core: a chunk's loans are rebuilt in as many runs of neighbours.
        let scratches = try (0..<max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))).map { _ in
            try SQLiteEventStore(path: ":memory:")
        }
        let loans = try store.read("SELECT loan_id FROM loan_event WHERE sequence = 1 ORDER BY loan_id", []).map { $0.text(0) }
        let size = max(chunk, 1)
        let starts = loans.isEmpty ? [0] : Array(stride(from: 0, to: loans.count, by: size))
        var checkpointDifferences: [ProjectionDifference] = [], strayCheckpoints: [ProjectionDifference] = []
        var tableDifferences: [String: [ProjectionDifference]] = [:]
        var eventCount = 0
        for (index, start) in starts.enumerated() {
            let ids = Array(loans[start..<min(start + size, loans.count)])
            let range = LoanIDRange(after: start == 0 ? nil : loans[start - 1],
                                    through: index == starts.count - 1 ? nil : ids.last)
            var checkpoints = try storedCheckpoints(store, range)
            let events = try store.events(loanIDs: ids)
            let loansOfChunk = ids.map { (id: $0, events: events[$0] ?? [], checkpoint: checkpoints.removeValue(forKey: $0)) }
            eventCount += loansOfChunk.reduce(0) { $0 + $1.events.count }
            checkpointDifferences += try rebuild(loansOfChunk, chart: chart, into: scratches)
            for (loan, checkpoint) in checkpoints {
                strayCheckpoints.append(ProjectionDifference(table: "loan_checkpoint", key: loan,
                                                             stored: "sequence \(checkpoint.sequence)", rebuilt: nil))
            }
            for table in tables {
                tableDifferences[table.name, default: []] += try compare(table.name, key: table.key, stored: store,
                                                                         rebuilt: scratches, range)
            }
            for scratch in scratches {
                try scratch.inTransaction {
                    for table in tables.map(\.name) { try scratch.connection.query("DELETE FROM \(table)", []) }
                }
            }
        }
        var differences = checkpointDifferences + strayCheckpoints.sorted { $0.key < $1.key }
        for table in tables { differences += (tableDifferences[table.name] ?? []).sorted { $0.key < $1.key } }
        return (loans.count, eventCount, differences)
    }

    /// Rebuilds a chunk's loans (in id order), split into runs of neighbours, one a scratch
    /// database, at once; the checkpoint differences in loan order.
    static func rebuild(_ loans: [(id: String, events: [LoanEvent], checkpoint: LoanCheckpointRow?)],
                        chart: [GLAccount: String], into scratches: [SQLiteEventStore]) throws -> [ProjectionDifference] {
        let runs = scratches.count
        let per = (loans.count + runs - 1) / max(runs, 1)
        var results = [Result<[ProjectionDifference], any Error>](repeating: .success([]), count: runs)
        results.withUnsafeMutableBufferPointer { slots in
            // Each run writes only its own slot and its own scratch database.
            nonisolated(unsafe) let slots = slots, scratches = scratches
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                let part = loans[min(run * per, loans.count)..<min((run + 1) * per, loans.count)]
                slots[run] = Result {
                    try part.flatMap { try rebuild($0.id, $0.events, checkpoint: $0.checkpoint, chart: chart, into: scratches[run]) }
                }
            }
        }
        return try results.flatMap { try $0.get() }
    }

    /// Replays one loan's events into `scratch`'s projections, event by event, and compares its
    /// stored checkpoint with the state at the checkpoint's sequence.
    static func rebuild(_ loan: String, _ events: [LoanEvent], checkpoint: LoanCheckpointRow?, chart: [GLAccount: String],
                        into scratch: SQLiteEventStore) throws -> [ProjectionDifference] {
        guard let first = events.first else { return [] }
        let context = ScratchContext(store: scratch)
        var differences: [ProjectionDifference] = []
        var state = try LoanState(first)
        func compare() {
            guard let checkpoint, checkpoint.sequence == state.sequence else { return }
            let rebuilt = LoanCheckpoint.encode(state)
            if LoanCheckpoint.state(checkpoint, loanID: loan) != state || checkpoint.state != rebuilt {
                let (stored, expected) = firstDifference(checkpoint.state, rebuilt)
                differences.append(ProjectionDifference(table: "loan_checkpoint", key: loan,
                                                        stored: "sequence \(checkpoint.sequence) \(stored)",
                                                        rebuilt: expected))
            }
        }
        compare()
        try scratch.inTransaction {
            // Checkpoints are compared above, not rebuilt as rows.
            try LoanProjections.write(state, before: nil, events: [first], chart: chart, into: context, checkpoints: false)
            for event in events.dropFirst() {
                let before = state
                try state.apply(event)
                try LoanProjections.write(state, before: before, events: [event], chart: chart, into: context,
                                          checkpoints: false)
                compare()
            }
        }
        if let checkpoint, checkpoint.sequence > state.sequence {
            differences.append(ProjectionDifference(
                table: "loan_checkpoint", key: loan, stored: "sequence \(checkpoint.sequence)",
                rebuilt: "(none: the loan's last event is \(state.sequence))"))
        }
        return differences
    }

    /// Where two checkpoint texts part: from the value they first differ in, 40 bytes of each
    /// (a checkpoint runs to kilobytes; the whole of both would bury the difference).
    static func firstDifference(_ stored: String, _ rebuilt: String) -> (stored: String, rebuilt: String) {
        let a = Array(stored.utf8), b = Array(rebuilt.utf8)
        var at = 0
        while at < a.count, at < b.count, a[at] == b[at] { at += 1 }
        // Back to the start of the value (after the comma before it).
        var start = at
        while start > 0, a[start - 1] != UInt8(ascii: ",") { start -= 1 }
        func window(_ bytes: [UInt8]) -> String {
            let end = min(bytes.count, start + 40)
            return String(decoding: bytes[min(start, bytes.count)..<end], as: UTF8.self) + (end < bytes.count ? "…" : "")
        }
        return ("at byte \(start): \(window(a))", "at byte \(start): \(window(b))")
    }

    /// The checkpoints in this version's format of the loans in `range`, by loan (those of another
    /// format are passed over by every reader, and replaced as their loans move on).
    static func storedCheckpoints(_ store: any EventStore, _ range: LoanIDRange) throws -> [String: LoanCheckpointRow] {
        var rows: [String: LoanCheckpointRow] = [:]
        for row in try store.read("SELECT loan_id, sequence, format, state FROM loan_checkpoint WHERE format = ? AND \(range.condition)",
                                  [.integer(Int64(LoanCheckpoint.format))] + range.values) {
            rows[row.text(0)] = LoanCheckpointRow(sequence: row.int64(1), format: Int(row.int64(2)), state: row.text(3))
        }
        return rows
    }

    /// The differences between a table's stored rows of the loans in `range` and the rebuilt ones
    /// (all of the scratch databases'), walking both in key order. Values are compared as text:
    /// PostgreSQL returns every column as text, SQLite integers as integers.
    static func compare(_ table: String, key: [String], stored: any EventStore, rebuilt: [SQLiteEventStore],
                        _ range: LoanIDRange) throws -> [ProjectionDifference] {
        let columns = columns[table] ?? []
        let keys = key.compactMap { columns.firstIndex(of: $0) }
        func read(_ store: any EventStore, _ range: LoanIDRange) throws -> [[String]] {
            try store.read("""
                SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(range.condition) ORDER BY \(key.joined(separator: ", "))
                """, range.values).map { row in columns.indices.map { row.isNull($0) ? "NULL" : row.text($0) } }
        }
        /// Key order as the databases sort it: ids byte by byte, the other key columns as integers.
        func precedes(_ a: [String], _ b: [String]) -> Bool {
            for index in keys where a[index] != b[index] {
                if columns[index] == "loan_id" { return a[index].utf8.lexicographicallyPrecedes(b[index].utf8) }
                return (Int64(a[index]) ?? 0) < (Int64(b[index]) ?? 0)
            }
            return false
        }
        func text(_ row: [String]) -> String { zip(columns, row).map { "\($0)=\($1)" }.joined(separator: " ") }
        func difference(_ row: [String], stored: [String]?, rebuilt: [String]?) -> ProjectionDifference {
            ProjectionDifference(table: table, key: keys.map { row[$0] }.joined(separator: "/"),
                                 stored: stored.map(text), rebuilt: rebuilt.map(text))
        }
        // The scratch databases hold runs of neighbouring loans, in order: one after another, in key order.
        let old = try read(stored, range), new = try rebuilt.flatMap { try read($0, LoanIDRange()) }
        var differences: [ProjectionDifference] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if j == new.count || (i < old.count && precedes(old[i], new[j])) {
                differences.append(difference(old[i], stored: old[i], rebuilt: nil))
                i += 1
            } else if i == old.count || precedes(new[j], old[i]) {
                differences.append(difference(new[j], stored: nil, rebuilt: new[j]))
                j += 1
            } else {
                if old[i] != new[j] { differences.append(difference(old[i], stored: old[i], rebuilt: new[j])) }
                i += 1
                j += 1
            }
        }
        return differences
    }

    /// Each compared table's columns, read once from the migrations.
    static let columns = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, columnNames($0.name)) })

    /// The projection's columns, in the order the migration declares them.
    static func columnNames(_ table: String) -> [String] {
        let sql = LedgerSchema.migrations.map(\.sql).joined(separator: "\n")
        guard let start = sql.range(of: "CREATE TABLE \(table) (") else { return [] }
        let body = sql[start.upperBound...].prefix { $0 != ";" }
        return body.split(separator: "\n").compactMap { line in
            let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            return word.isEmpty || word == "PRIMARY" || word == ")" ? nil : word
        }
    }
}

/// Projection writes straight into the scratch database.
struct ScratchContext: ProjectionContext {
    let store: SQLiteEventStore

    func execute(_ sql: String, _ values: [SQLValue?]) throws { try store.connection.query(sql, values) }
}

/// The loan ids after one id (none: from the first) through another (none: to the last), in the
/// database's order of ids (byte order on both backends).
struct LoanIDRange {
    var after: String?
    var through: String?

    var condition: String {
        switch (after, through) {
        case (nil, nil): "1 = 1"
        case (nil, _?): "loan_id <= ?"
        case (_?, nil): "loan_id > ?"
        case (_?, _?): "loan_id > ? AND loan_id <= ?"
        }
    }

    var values: [SQLValue?] { [after, through].compactMap { $0 }.map { .text($0) } }
}
