import Workflow

/// Staff users of the tests, one or two per role.
enum Staff {
    static let officer = WorkflowActor(id: "u-officer", roles: ["loan-officer"])
    static let analyst = WorkflowActor(id: "u-analyst", roles: ["credit-analyst"])
    static let manager = WorkflowActor(id: "u-manager", roles: ["credit-manager"])
    static let manager2 = WorkflowActor(id: "u-manager-2", roles: ["credit-manager"])
    static let admin = WorkflowActor(id: "u-admin", roles: ["admin"])
    static let operations = WorkflowActor(id: "u-ops", roles: ["operations"])
    static let operations2 = WorkflowActor(id: "u-ops-2", roles: ["operations"])
    static let finance = WorkflowActor(id: "u-finance", roles: ["finance"])
    static let finance2 = WorkflowActor(id: "u-finance-2", roles: ["finance"])
    static let collections = WorkflowActor(id: "u-collections", roles: ["collections"])
    static let auditor = WorkflowActor(id: "u-auditor", roles: ["auditor"])
    static let system = WorkflowActor.system
}

/// 2026-01-01T00:00:00Z.
let t0 = Instant(secondsSinceEpoch: 1_767_225_600)

extension Instant {
    /// This instant plus whole hours.
    func plus(hours: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + hours * 3_600) }

    /// This instant plus seconds.
    func plus(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }
}
