import Catalog
import Identity
import Workflow

extension CaseCommands {
    /// `POST /api/v1/cases/{id}/events`: fires an event, with context values the workflow declares.
    /// The caller must take part in the case's maker-checker pair, and hold a role the transition lists.
    static func fire(_ call: APICall, _ session: BookSession, catalog: Catalog) throws -> StoredResponse {
        let driver = CaseDriver(session: session, catalog: catalog, bookKey: call.bookKey)
        var (found, kind, workflow) = try locate(call, driver)
        let principal = try participant(call, kind)
        var body = try call.reader()
        let event = body.string("event", maxLength: 64), day = body.date("date")
        let context = body.context("context", declarations: workflow.context)
        try body.finish()
        guard let event, let day else { throw Problem.invalid("body", "incomplete") }
        try driver.send(.fire(event), to: &found, by: principal, on: day, context: context)
        return try respond(found, driver, status: 200)
    }

    /// `POST /api/v1/cases/{id}/approvals`: a checker approves (or declines) the request pending for
    /// an event. Approving needs the pair's approve permission; the maker may decline their own request.
    static func decide(_ call: APICall, _ session: BookSession, catalog: Catalog) throws -> StoredResponse {
        let driver = CaseDriver(session: session, catalog: catalog, bookKey: call.bookKey)
        var (found, kind, _) = try locate(call, driver)
        let principal = try participant(call, kind)
        var body = try call.reader()
        let event = body.string("event", maxLength: 64), day = body.date("date")
        let decision = body.string("decision", maxLength: 16)
        if let decision, !["approve", "decline"].contains(decision) { body.refuse("decision", "must be approve or decline") }
        try body.finish()
        guard let event, let day, let decision else { throw Problem.invalid("body", "incomplete") }
        let maker = found.instance.pendingApproval(for: event)?.maker
        let allowed = principal.may(kind.approve) || (decision == "decline" && maker == principal.id)
        guard allowed else {
            throw Problem(.forbidden, "forbidden", detail: "\(principal.id) lacks the permission \(kind.approve.rawValue)")
        }
        try driver.send(decision == "approve" ? .approve(event) : .decline(event), to: &found, by: principal, on: day,
                        context: [:])
        return try respond(found, driver, status: 200)
    }

    /// The caller, when they hold the request or the approve permission of the case's kind (403 otherwise).
    static func participant(_ call: APICall, _ kind: CaseKind) throws -> Principal {
        let principal = try principal(call)
        guard kind.participates(principal) else {
            throw Problem(.forbidden, "forbidden",
                          detail: "\(principal.id) lacks \(kind.request.rawValue) and \(kind.approve.rawValue)")
        }
        return principal
    }

    /// The case of the path, locked for this transaction, with its kind and workflow.
    static func locate(_ call: APICall, _ driver: CaseDriver) throws -> (WorkflowCase, CaseKind, CompiledWorkflow) {
        let id = call.parameter("id")
        guard let found = try driver.store.load(id, forUpdate: true) else {
            throw Problem(.notFound, "no such case", detail: "case \(id) does not exist",
                          errors: [FieldError("id", "no such case")])
        }
        guard let kind = CaseKind.of(found.workflow) else {
            throw Problem(.conflict, "case not driven here", detail: "workflow \(found.workflow) has no route")
        }
        return (found, kind, try driver.workflow(found.workflow))
    }
}
