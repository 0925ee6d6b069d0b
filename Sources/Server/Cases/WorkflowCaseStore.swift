import Foundation
import Ledger
import LoanMath
import Workflow

/// Workflow cases in the ledger's database (`workflow_case`, `workflow_case_history`, migration 30),
/// on SQLite or PostgreSQL. Runs on the caller's connection, inside the caller's transaction, so a
/// case advances together with the loan command it performs or not at all.
struct WorkflowCaseStore {
    let connection: any SQLConnection

    static let columns = """
        case_id, workflow, subject_kind, subject_id, state, instance, context, proposal, catalog_version, opened_by,
        opened_on, last_sequence
        """

    /// The case `id`, its row locked until the transaction ends when `forUpdate`.
    func load(_ id: String, forUpdate: Bool = false) throws -> WorkflowCase? {
        let lock = forUpdate ? connection.lockRowsClause : ""
        return try connection.query("SELECT \(Self.columns) FROM workflow_case WHERE case_id = ?\(lock)", [.text(id)])
            .first.map(Self.decode)
    }

    /// The subject's cases, oldest first.
    func cases(subjectKind: String, subjectID: String) throws -> [WorkflowCase] {
        try connection.query("""
            SELECT \(Self.columns) FROM workflow_case WHERE subject_kind = ? AND subject_id = ? ORDER BY opened_on, case_id
            """, [.text(subjectKind), .text(subjectID)]).map(Self.decode)
    }

    /// How many cases of `workflow` the subject has had.
    func count(workflow: String, subjectKind: String, subjectID: String) throws -> Int64 {
        try connection.query("""
            SELECT COUNT(*) FROM workflow_case WHERE workflow = ? AND subject_kind = ? AND subject_id = ?
            """, [.text(workflow), .text(subjectKind), .text(subjectID)]).first?.int64(0) ?? 0
    }

    /// Inserts a new case.
    func insert(_ c: WorkflowCase) throws {
        try connection.query("INSERT INTO workflow_case (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             Self.values(c))
    }

    /// Writes the case's state, context and pending approvals after a command.
    func update(_ c: WorkflowCase) throws {
        try connection.query("""
            UPDATE workflow_case SET state = ?, instance = ?, context = ?, last_sequence = ? WHERE case_id = ?
            """, [.text(c.instance.state), .text(Self.encode(c.instance)), .text(JSONValue.object(Self.sorted(c.context)).text),
                  .integer(c.lastSequence), .text(c.id)])
    }

    /// Appends one history entry.
    func append(_ caseID: String, _ e: CaseHistoryEntry) throws {
        try connection.query("""
            INSERT INTO workflow_case_history (case_id, sequence, command, event, actor_id, actor_roles, business_date,
                recorded_at, from_state, to_state, outcome, actions, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(caseID), .integer(e.sequence), .text(e.command), .text(e.event), .text(e.actorID),
                  .text(e.actorRoles.joined(separator: ",")), .text(e.businessDate.iso), .integer(e.recordedAt),
                  .text(e.fromState), .text(e.toState), .text(e.outcome),
                  .text(JSONValue.array(e.actions.map(JSONValue.string)).text), .text(e.context)])
    }

    /// The case's history, in order.
    func history(_ caseID: String) throws -> [CaseHistoryEntry] {
        try connection.query("""
            SELECT sequence, command, event, actor_id, actor_roles, business_date, recorded_at, from_state, to_state,
                outcome, actions, context FROM workflow_case_history WHERE case_id = ? ORDER BY sequence
            """, [.text(caseID)]).map { row in
            CaseHistoryEntry(
                sequence: row.int64(0), command: row.text(1), event: row.text(2), actorID: row.text(3),
                actorRoles: row.text(4).split(separator: ",").map(String.init),
                businessDate: LocalDate(iso: row.text(5)) ?? LocalDate(dayNumber: 0), recordedAt: row.int64(6),
                fromState: row.text(7), toState: row.text(8), outcome: row.text(9),
                actions: (try? JSONDecoder().decode([String].self, from: Data(row.text(10).utf8))) ?? [],
                context: row.text(11))
        }
    }

    static func values(_ c: WorkflowCase) -> [SQLValue?] {
        [.text(c.id), .text(c.workflow), .text(c.subjectKind), .text(c.subjectID), .text(c.instance.state),
         .text(encode(c.instance)), .text(JSONValue.object(sorted(c.context)).text), .text(JSONValue.object(c.proposal).text),
         .text(c.catalogVersion), .text(c.openedBy), .text(c.openedOn.iso), .integer(c.lastSequence)]
    }

    static func decode(_ row: SQLRow) -> WorkflowCase {
        let instance = (try? JSONDecoder().decode(WorkflowInstance.self, from: Data(row.text(5).utf8)))
            ?? WorkflowInstance(workflow: row.text(1), state: row.text(4), enteredAt: Instant(secondsSinceEpoch: 0))
        return WorkflowCase(
            id: row.text(0), workflow: row.text(1), subjectKind: row.text(2), subjectID: row.text(3), instance: instance,
            context: Dictionary(uniqueKeysWithValues: JSONValue.parseObject(row.text(6))),
            proposal: JSONValue.parseObject(row.text(7)), catalogVersion: row.text(8), openedBy: row.text(9),
            openedOn: LocalDate(iso: row.text(10)) ?? LocalDate(dayNumber: 0), lastSequence: row.int64(11))
    }

    static func encode(_ instance: WorkflowInstance) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(instance), as: UTF8.self)) ?? "{}"
    }

    static func sorted(_ values: [String: JSONValue]) -> [(String, JSONValue)] {
        values.keys.sorted().map { ($0, values[$0]!) }
    }
}
