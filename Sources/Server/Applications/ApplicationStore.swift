import Foundation
import Ledger
import LoanMath

/// Applications in the ledger's database (`loan_application`, `…_history`, `…_document`, migration
/// 50), on SQLite or PostgreSQL, on the caller's connection and inside the caller's transaction: an
/// application advances together with the loan it books, or not at all.
struct ApplicationStore {
    let connection: any SQLConnection

    /// Application `id`, its row locked until the transaction ends when `forUpdate`.
    func load(_ id: String, forUpdate: Bool = false) throws -> ApplicationRecord? {
        let lock = forUpdate ? connection.lockRowsClause : ""
        guard let row = try connection.query(
            "SELECT record FROM loan_application WHERE application_id = ?\(lock)", [.text(id)]).first
        else { return nil }
        return try Self.decoder.decode(ApplicationRecord.self, from: Data(row.text(0).utf8))
    }

    func insert(_ a: ApplicationRecord) throws {
        try connection.query("""
            INSERT INTO loan_application (application_id, product, applicant_party_id, state, state_since, created_on,
                catalog_version, kfs_proposal, loan_id, record, decision_trace) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(a.id), .text(a.product), .text(a.applicantPartyID), .text(a.state), .text(a.stateSince),
                  .text(a.createdOn), .text(a.catalogVersion), a.kfs.map { .text($0.proposalNumber) },
                  a.loanID.map { .text($0) }, .text(try Self.encode(a)), Self.trace(a)])
    }

    func update(_ a: ApplicationRecord) throws {
        try connection.query("""
            UPDATE loan_application SET state = ?, state_since = ?, kfs_proposal = ?, loan_id = ?, record = ?,
                decision_trace = COALESCE(?, decision_trace)
            WHERE application_id = ?
            """, [.text(a.state), .text(a.stateSince), a.kfs.map { .text($0.proposalNumber) },
                  a.loanID.map { .text($0) }, .text(try Self.encode(a)), Self.trace(a), .text(a.id)])
    }

    /// The trace of the policy's decision on application `id`, "" when it has none.
    func trace(_ id: String) throws -> String {
        try connection.query("SELECT decision_trace FROM loan_application WHERE application_id = ?", [.text(id)])
            .first?.text(0) ?? ""
    }

    /// The trace to write: only when an evaluation just produced it.
    static func trace(_ a: ApplicationRecord) -> SQLValue? {
        guard let trace = a.underwriting?.trace, !trace.isEmpty else { return nil }
        return .text(trace)
    }

    /// Ids of applications in `state` (all when nil), oldest first, at most `limit`.
    func ids(state: String?, limit: Int) throws -> [(id: String, state: String)] {
        let rows: [SQLRow]
        if let state {
            rows = try connection.query("""
                SELECT application_id, state FROM loan_application WHERE state = ? ORDER BY created_on, application_id
                LIMIT ?
                """, [.text(state), .integer(Int64(limit))])
        } else {
            rows = try connection.query(
                "SELECT application_id, state FROM loan_application ORDER BY created_on, application_id LIMIT ?",
                [.integer(Int64(limit))])
        }
        return rows.map { ($0.text(0), $0.text(1)) }
    }

    /// Ids of applications in none of `states` (the final ones), oldest first, at most `limit`.
    func ids(notIn states: [String], limit: Int) throws -> [String] {
        let marks = states.map { _ in "?" }.joined(separator: ", ")
        let filter = states.isEmpty ? "" : "WHERE state NOT IN (\(marks)) "
        return try connection.query(
            "SELECT application_id FROM loan_application \(filter)ORDER BY created_on, application_id LIMIT ?",
            states.map { .text($0) } + [.integer(Int64(limit))]).map { $0.text(0) }
    }

    /// How many applications are in each state.
    func countsByState() throws -> [(String, Int64)] {
        try connection.query("SELECT state, COUNT(*) FROM loan_application GROUP BY state ORDER BY state", [])
            .map { ($0.text(0), $0.int64(1)) }
    }

    /// Appends one history entry.
    func append(_ id: String, _ s: ApplicationStep) throws {
        try connection.query("""
            INSERT INTO loan_application_history (application_id, sequence, command, event, actor_id, business_date,
                recorded_at, from_state, to_state, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(id), .integer(s.sequence), .text(s.command), .text(s.event), .text(s.actorID),
                  .text(s.businessDate.iso), .integer(Int64(Date().timeIntervalSince1970 * 1_000_000)),
                  .text(s.fromState), .text(s.toState), .text(s.outcome)])
    }

    /// Most history rows the turnaround view reads.
    static let maxHistoryRows = 200_000

    /// The application's history, in order; every application's when `id` is nil (turnaround, at
    /// most `maxHistoryRows`).
    func history(_ id: String?) throws -> [(String, ApplicationStep)] {
        let columns = "application_id, sequence, command, event, actor_id, business_date, from_state, to_state, outcome"
        let rows = try id.map {
            try connection.query(
                "SELECT \(columns) FROM loan_application_history WHERE application_id = ? ORDER BY sequence", [.text($0)])
        } ?? connection.query(
            "SELECT \(columns) FROM loan_application_history ORDER BY application_id, sequence LIMIT ?",
            [.integer(Int64(Self.maxHistoryRows))])
        return rows.map { row in
            (row.text(0), ApplicationStep(
                sequence: row.int64(1), command: row.text(2), event: row.text(3), actorID: row.text(4),
                businessDate: LocalDate(iso: row.text(5)) ?? LocalDate(dayNumber: 0), fromState: row.text(6),
                toState: row.text(7), outcome: row.text(8)))
        }
    }

    static let decoder = JSONDecoder()

    static func encode(_ a: ApplicationRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(a), as: UTF8.self)
    }
}
