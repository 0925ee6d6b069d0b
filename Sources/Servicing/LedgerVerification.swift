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
public enum LedgerVerification {
    /// The tables compared, with the columns that identify a row.
    static let tables: [(name: String, key: [String])] = [
        ("loan_account", ["loan_id"]), ("schedule_line", ["loan_id", "installment"]),
        ("classification", ["loan_id", "sequence"]), ("gl_entry", ["loan_id", "sequence", "line"]),
    ]

    /// Differences between `store`'s projections and a rebuild from its events; empty when they agree.
    public static func verify(_ store: any EventStore, chart: [GLAccount: String] = ServicingRules().chart) throws -> (loans: Int, events: Int, differences: [ProjectionDifference]) {
        let scratch = try SQLiteEventStore(path: ":memory:")
        let context = ScratchContext(store: scratch)
        let loans = try store.read("SELECT loan_id FROM loan_event WHERE sequence = 1 ORDER BY loan_id", []).map { $0.text(0) }
        // Checkpoints are compared with the state at their own sequence (when they are written
        // depends on how events were batched, so they are not rebuilt as rows).
        var checkpoints = try storedCheckpoints(store)
        var differences: [ProjectionDifference] = []
        var eventCount = 0
        for loan in loans {
            let events = try store.events(loanID: loan, after: 0)
            eventCount += events.count
            guard let first = events.first else { continue }
            let checkpoint = checkpoints.removeValue(forKey: loan)
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
                try LoanProjections.write(state, before: nil, events: [first], chart: chart, into: context)
                for event in events.dropFirst() {
                    let before = state
                    try state.apply(event)
                    try LoanProjections.write(state, before: before, events: [event], chart: chart, into: context)
                    compare()
                }
            }
            if let checkpoint, checkpoint.sequence > state.sequence {
                differences.append(ProjectionDifference(
                    table: "loan_checkpoint", key: loan, stored: "sequence \(checkpoint.sequence)",
                    rebuilt: "(none: the loan's last event is \(state.sequence))"))
            }
        }
        for (loan, checkpoint) in checkpoints.sorted(by: { $0.key < $1.key }) {
            differences.append(ProjectionDifference(table: "loan_checkpoint", key: loan,
                                                    stored: "sequence \(checkpoint.sequence)", rebuilt: nil))
        }
        for table in tables {
            let stored = try rows(table.name, key: table.key, in: store)
            let rebuilt = try rows(table.name, key: table.key, in: scratch)
            for key in Set(stored.keys).union(rebuilt.keys).sorted() where stored[key] != rebuilt[key] {
                differences.append(ProjectionDifference(table: table.name, key: key, stored: stored[key], rebuilt: rebuilt[key]))
            }
        }
        return (loans.count, eventCount, differences)
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

    /// The checkpoints in this version's format by loan (those of another are passed over by
    /// every reader, and replaced as their loans move on).
    static func storedCheckpoints(_ store: any EventStore) throws -> [String: LoanCheckpointRow] {
        var rows: [String: LoanCheckpointRow] = [:]
        for row in try store.read("SELECT loan_id, sequence, format, state FROM loan_checkpoint WHERE format = ?",
                                  [.integer(Int64(LoanCheckpoint.format))]) {
            rows[row.text(0)] = LoanCheckpointRow(sequence: row.int64(1), format: Int(row.int64(2)), state: row.text(3))
        }
        return rows
    }

    /// A table's rows as text keyed by their key columns (values compared as text: PostgreSQL
    /// returns every column as text, SQLite integers as integers).
    static func rows(_ table: String, key: [String], in store: any EventStore) throws -> [String: String] {
        let columns = try columnNames(table, in: store)
        let result = try store.read("SELECT \(columns.joined(separator: ", ")) FROM \(table)", [])
        var rows: [String: String] = [:]
        for row in result {
            let values = columns.indices.map { row.isNull($0) ? "NULL" : row.text($0) }
            let keyText = key.compactMap { columns.firstIndex(of: $0) }.map { values[$0] }.joined(separator: "/")
            rows[keyText] = zip(columns, values).map { "\($0)=\($1)" }.joined(separator: " ")
        }
        return rows
    }

    /// The projection's columns, in the order the migration declares them.
    static func columnNames(_ table: String, in store: any EventStore) throws -> [String] {
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
