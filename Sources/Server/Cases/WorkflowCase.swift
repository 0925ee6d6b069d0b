import LoanMath
import Workflow

/// One running workflow about one subject (a loan today, an application later): where it stands,
/// the context its guards read, the proposal it carries (the terms a loan command will use) and who
/// opened it. Pending approvals, with the checkers who approved so far, live in `instance`.
struct WorkflowCase: Sendable {
    let id: String
    let workflow: String
    /// What the case is about: `loan` (and, later, `application`).
    let subjectKind: String
    let subjectID: String
    var instance: WorkflowInstance
    /// Context values as stored: a JSON object, typed by the workflow's `context:` declarations.
    var context: [String: JSONValue]
    /// The command's parameters, fixed when the case opens, as a JSON object's text.
    let proposal: [(String, JSONValue)]
    let catalogVersion: String
    let openedBy: String
    let openedOn: LocalDate
    /// The last history entry's sequence.
    var lastSequence: Int64

    /// A proposal field's text, "" when absent.
    func proposed(_ key: String) -> String {
        guard let value = proposal.first(where: { $0.0 == key })?.1 else { return "" }
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return ""
        }
    }
}

/// One command a case took: who sent it with which roles, on which business date (and when it was
/// recorded), the state before and after, what changed and the actions it returned.
struct CaseHistoryEntry: Sendable {
    var sequence: Int64
    /// `open`, `fire`, `approve` or `decline`.
    var command: String
    var event: String
    var actorID: String
    var actorRoles: [String]
    var businessDate: LocalDate
    /// Unix microseconds (infrastructure time).
    var recordedAt: Int64
    var fromState: String
    var toState: String
    /// What happened, e.g. `moved`, `approval requested (1 checker)`.
    var outcome: String
    var actions: [String]
    /// The context values the command brought, as JSON text.
    var context: String
}
