import Workflow

extension CaseDriver {
    /// The problem a workflow refusal answers with; nothing was written. Who may not (role, maker
    /// checking their own request) is 403; the case not being where the command needs it is 409; a
    /// guard that does not hold is 422; an event the workflow does not have is 400.
    static func problem(_ refusal: WorkflowRefusal, caseID: String) -> Problem {
        let detail = "case \(caseID): \(refusal.description)"
        switch refusal {
        case .roleMissing, .checkerRoleMissing:
            return Problem(.forbidden, "role not allowed by the workflow", detail: detail)
        case .makerCannotCheck:
            return Problem(.forbidden, "maker cannot approve", detail: detail,
                           errors: [FieldError("event", "the maker of a request may not approve it")])
        case .unknownEvent(let event):
            return Problem.invalid("event", "the workflow has no event `\(event)`")
        case .guardFalse, .guardFailed:
            return Problem(.unprocessableContent, "condition not met", detail: detail,
                           errors: [FieldError("context", refusal.description)])
        case .alreadyApproved, .approvalPending, .noApprovalPending, .notHandled:
            return Problem(.conflict, "not possible now", detail: detail, errors: [FieldError("event", refusal.description)])
        case .wrongWorkflow, .unknownState, .noTimer, .timerNotDue:
            return Problem(.conflict, "case out of step", detail: detail)
        }
    }
}
