import Identity

/// What the server knows of each workflow it drives over loans: the maker-checker pair of
/// permissions (`policies/roles.yaml`) and the case-id prefix. Requesting side: open the case and
/// fire events; approving side: approve or decline a pending request, and fire the events a checker
/// fires (reject). The workflow's own `roles:` decide, within that, who may fire which event.
struct CaseKind: Sendable {
    let workflow: String
    let request: Permission
    let approve: Permission
    let prefix: String

    static let restructure = CaseKind(workflow: "restructure", request: .restructuresRequest,
                                      approve: .restructuresApprove, prefix: "RS")
    static let writeOff = CaseKind(workflow: "write-off", request: .writeOffsRequest, approve: .writeOffsApprove,
                                   prefix: "WO")
    static let waiver = CaseKind(workflow: "waiver", request: .waiversRequest, approve: .waiversApprove, prefix: "WV")

    static let all = [restructure, writeOff, waiver]

    /// The kind driving `workflow`, nil for a workflow the server does not drive.
    static func of(_ workflow: String) -> CaseKind? { all.first { $0.workflow == workflow } }

    /// Whether `principal` takes part on either side.
    func participates(_ principal: Principal) -> Bool { principal.may(request) || principal.may(approve) }
}
