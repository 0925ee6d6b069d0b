import Workflow

/// JSON views of cases: state, proposal, context, pending approvals with their checkers, history.
enum CaseView {
    static func summary(_ c: WorkflowCase, final: Bool) -> JSONValue {
        .object([
            ("case_id", .string(c.id)), ("workflow", .string(c.workflow)), ("subject_kind", .string(c.subjectKind)),
            ("subject_id", .string(c.subjectID)), ("state", .string(c.instance.state)), ("final", .bool(final)),
            ("opened_by", .string(c.openedBy)), ("opened_on", .string(c.openedOn.iso)),
            ("pending_approvals", .array(c.instance.pendingApprovals.map(pending))),
        ])
    }

    static func full(_ c: WorkflowCase, final: Bool, history: [CaseHistoryEntry]) -> JSONValue {
        guard case .object(var pairs) = summary(c, final: final) else { return .null }
        pairs += [
            ("proposal", .object(c.proposal)), ("context", .object(WorkflowCaseStore.sorted(c.context))),
            ("catalog_version", .string(c.catalogVersion)), ("history", .array(history.map(entry))),
        ]
        return .object(pairs)
    }

    static func pending(_ p: PendingApproval) -> JSONValue {
        .object([
            ("event", .string(p.event)), ("maker", .string(p.maker)), ("checkers_needed", .int(p.checkersNeeded)),
            ("approved_by", .array(p.approvedBy.map(JSONValue.string))),
        ])
    }

    static func entry(_ e: CaseHistoryEntry) -> JSONValue {
        .object([
            ("sequence", .int(Int(e.sequence))), ("command", .string(e.command)), ("event", .string(e.event)),
            ("actor", .string(e.actorID)), ("roles", .array(e.actorRoles.map(JSONValue.string))),
            ("business_date", .string(e.businessDate.iso)), ("from", .string(e.fromState)), ("to", .string(e.toState)),
            ("outcome", .string(e.outcome)), ("actions", .array(e.actions.map(JSONValue.string))),
            ("context", JSONValue(jsonText: e.context)),
        ])
    }
}
