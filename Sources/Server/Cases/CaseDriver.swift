import Catalog
import Foundation
import Identity
import LoanMath
import Rules
import Servicing
import Workflow

/// Drives workflow cases about loans on one session, inside the request's transaction: sends a
/// command to the compiled workflow (pure), performs the loan actions of the step it takes
/// (`loan.restructure`, `loan.write-off`, `loan.waive`) on the loan book, and stores the case and
/// its history. Any refusal, the workflow's or the loan book's, throws a `Problem`: the transaction
/// rolls back and neither the case nor the loan changes.
struct CaseDriver {
    let session: BookSession
    let catalog: Catalog
    /// The loan book's idempotency key for a loan command the step performs.
    let bookKey: String

    var store: WorkflowCaseStore { WorkflowCaseStore(connection: session.connection) }

    /// The compiled workflow of `name`, or 409 when the catalog in force has none.
    func workflow(_ name: String) throws(Problem) -> CompiledWorkflow {
        guard let workflow = catalog.workflows[name] else {
            throw Problem(.conflict, "workflow not configured", detail: "the catalog has no workflow `\(name)`")
        }
        return workflow
    }

    /// Opens a case of `kind` about `loanID` with `proposal`, then sends `first` as the opener.
    func open(_ kind: CaseKind, loanID: String, proposal: [(String, JSONValue)], first: String,
              context: [String: JSONValue], by principal: Principal, on date: LocalDate) throws -> WorkflowCase {
        let workflow = try workflow(kind.workflow)
        let open = try store.cases(subjectKind: "loan", subjectID: loanID).filter {
            $0.workflow == kind.workflow && workflow.state($0.instance.state)?.isFinal == false
        }
        if let running = open.first {
            throw Problem(.conflict, "case already open", detail: "loan \(loanID) has the open \(kind.workflow) case \(running.id)",
                          errors: [FieldError("id", "case \(running.id) is still open")])
        }
        let number = try store.count(workflow: kind.workflow, subjectKind: "loan", subjectID: loanID) + 1
        let started = workflow.start(at: Self.instant(date))
        var opened = WorkflowCase(
            id: "\(kind.prefix)-\(loanID)-\(number)", workflow: kind.workflow, subjectKind: "loan", subjectID: loanID,
            instance: started.instance, context: [:], proposal: proposal, catalogVersion: catalog.version.hash,
            openedBy: principal.id, openedOn: date, lastSequence: 0)
        try store.insert(opened)
        try record(&opened, command: "open", event: "", principal: principal, on: date, from: "", step: started,
                   given: [:])
        try send(.fire(first), to: &opened, by: principal, on: date, context: context)
        return opened
    }

    /// Sends `command` to the case; on a step performs its loan actions and stores it.
    func send(_ command: WorkflowCommand, to c: inout WorkflowCase, by principal: Principal, on date: LocalDate,
              context given: [String: JSONValue]) throws {
        let workflow = try workflow(c.workflow)
        guard let state = try servicing({ [book = session.book, id = c.subjectID] () throws(ServicingError) in
            try book.state(id)
        }) else { throw Problem.servicing(.loanNotFound(c.subjectID)) }
        var stored = c.context
        for (name, value) in given { stored[name] = value }
        var values = CaseContext.values(stored, workflow.context)
        for (name, value) in derived(c, workflow, state, on: date) { values[name] = value }
        let actor = WorkflowActor(id: principal.id, roles: Set(principal.roles))
        let outcome = workflow.apply(command, to: c.instance, by: actor, context: values, at: Self.instant(date))
        guard let step = outcome.step else { throw Self.problem(outcome.refusal!, caseID: c.id) }
        try perform(step, c, on: date)
        let from = c.instance.state
        c.instance = step.instance
        c.context = stored
        try record(&c, command: Self.name(command), event: Self.event(command), principal: principal, on: date,
                   from: from, step: step, given: given)
        try store.update(c)
    }

    /// Performs the loan actions of `step`; other actions (documents, notifications) are recorded
    /// in the history for their drivers.
    func perform(_ step: WorkflowStep, _ c: WorkflowCase, on date: LocalDate) throws {
        let book = session.book, loanID = c.subjectID, key = bookKey
        for action in step.actions {
            switch action.name {
            case "loan.restructure":
                guard let rate = Rate(parsing: c.proposed("rate")), let installments = Int(c.proposed("installments")) else {
                    throw Problem(.conflict, "proposal incomplete", detail: "case \(c.id) carries no rate or installments")
                }
                let reason = c.proposed("reason")
                _ = try servicing { () throws(ServicingError) in
                    try book.restructure(loanID, on: date, annualRate: rate, installments: installments, reason: reason,
                                         idempotencyKey: key)
                }
            case "loan.write-off":
                let reason = c.proposed("reason")
                _ = try servicing { () throws(ServicingError) in
                    try book.writeOff(loanID, on: date, reason: reason, idempotencyKey: key)
                }
            case "loan.waive":
                guard let amount = APIText.money(c.proposed("amount")) else {
                    throw Problem(.conflict, "proposal incomplete", detail: "case \(c.id) carries no amount")
                }
                let kind = ChargeKind(rawValue: c.proposed("kind")), installment = Int(c.proposed("installment"))
                let reason = c.proposed("reason")
                var checkers: [String] = []
                if case .moved(let move) = step.change { checkers = move.checkers }
                _ = try servicing { () throws(ServicingError) in
                    try book.waive(loanID, amount: amount, kind: kind, installment: installment, on: date, reason: reason,
                                   approvedBy: checkers, idempotencyKey: key)
                }
            default:
                continue
            }
        }
    }

    /// Appends the history entry of `step`.
    func record(_ c: inout WorkflowCase, command: String, event: String, principal: Principal, on date: LocalDate,
                from: String, step: WorkflowStep, given: [String: JSONValue]) throws {
        c.lastSequence += 1
        let entry = CaseHistoryEntry(
            sequence: c.lastSequence, command: command, event: event, actorID: principal.id, actorRoles: principal.roles,
            businessDate: date, recordedAt: Int64(Date().timeIntervalSince1970 * 1_000_000), fromState: from,
            toState: step.instance.state, outcome: Self.describe(step.change), actions: step.actions.map(\.description),
            context: JSONValue.object(WorkflowCaseStore.sorted(given)).text)
        try store.append(c.id, entry)
    }

    /// The workflow's midnight (UTC) of a business date: timers count from business dates, not clocks.
    static func instant(_ date: LocalDate) -> Instant { Instant(secondsSinceEpoch: Int64(date.dayNumber) * 86_400) }

    static func name(_ command: WorkflowCommand) -> String {
        switch command {
        case .fire: "fire"
        case .approve: "approve"
        case .decline: "decline"
        case .timer: "timer"
        }
    }

    static func event(_ command: WorkflowCommand) -> String {
        switch command {
        case .fire(let e), .approve(let e), .decline(let e), .timer(let e): e
        }
    }

    static func describe(_ change: WorkflowChange) -> String {
        switch change {
        case .started(let state): "opened in \(state)"
        case .moved(let move):
            move.checkers.isEmpty ? "moved" : "moved, approved by " + move.checkers.joined(separator: ", ")
        case .approvalRequested(_, _, let needed): "approval requested (\(needed) checker\(needed == 1 ? "" : "s"))"
        case .approvalRecorded(_, let checker, let approvals, let needed): "approved by \(checker) (\(approvals) of \(needed))"
        case .approvalDeclined(_, let by): "request declined by \(by)"
        }
    }
}
