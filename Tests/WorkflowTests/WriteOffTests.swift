import Rules
import Testing
import Workflow

/// `workflows/write-off.yaml`: every transition, refusal and timer.
@Suite struct WriteOffTests {
    let harness: Harness

    init() throws {
        harness = Harness(workflow: try Shipped.workflow("write-off"),
                          baseContext: ["classification": .string("npa_loss"), "outstanding": .rupees(3_00_000)])
    }

    static let inLoss = #"classification in ["npa_doubtful_d3", "npa_loss"]"#
    static let committee = ["credit-manager", "finance", "admin"]

    static let transitions: [TransitionRow] = [
        TransitionRow(from: "proposed", event: "recommend", by: Staff.collections, to: "recommended",
                      actions: ["notification.send: write-off-committee"]),
        TransitionRow(from: "proposed", event: "withdraw", by: Staff.collections, to: "withdrawn"),
        TransitionRow(from: "recommended", event: "approve", by: Staff.manager,
                      checkers: [Staff.manager2, Staff.finance],
                      to: "approved", actions: ["document.render: write-off-note"]),
        TransitionRow(from: "recommended", event: "reject", by: Staff.manager, to: "rejected"),
        TransitionRow(from: "recommended", event: "escalate", by: Staff.system, to: "escalated",
                      actions: ["notification.send: write-off-escalation"]),
        TransitionRow(from: "recommended", event: "withdraw", by: Staff.analyst, to: "withdrawn"),
        TransitionRow(from: "escalated", event: "approve", by: Staff.manager, checkers: [Staff.finance, Staff.admin],
                      to: "approved", actions: ["document.render: write-off-note"]),
        TransitionRow(from: "escalated", event: "reject", by: Staff.manager, to: "rejected"),
        TransitionRow(from: "approved", event: "execute", by: Staff.finance, to: "written-off",
                      actions: ["loan.write-off"]),
    ]

    static let refusals: [RefusalRow] = [
        RefusalRow(state: "proposed", command: .fire("recommend"), by: Staff.manager,
                   refusal: .roleMissing(event: "recommend", actor: "u-manager",
                                         required: ["collections", "credit-analyst"])),
        RefusalRow(state: "proposed", command: .fire("recommend"), by: Staff.collections,
                   context: ["classification": .string("npa_substandard")],
                   refusal: .guardFalse(event: "recommend", condition: inLoss)),
        RefusalRow(state: "proposed", command: .fire("withdraw"), by: Staff.finance,
                   refusal: .roleMissing(event: "withdraw", actor: "u-finance",
                                         required: ["collections", "credit-analyst"])),
        RefusalRow(state: "recommended", command: .fire("approve"), by: Staff.finance,
                   refusal: .roleMissing(event: "approve", actor: "u-finance", required: ["credit-manager"])),
        RefusalRow(state: "recommended", command: .fire("reject"), by: Staff.analyst,
                   refusal: .roleMissing(event: "reject", actor: "u-analyst", required: ["credit-manager"])),
        RefusalRow(state: "recommended", command: .fire("withdraw"), by: Staff.manager,
                   refusal: .roleMissing(event: "withdraw", actor: "u-manager",
                                         required: ["collections", "credit-analyst"])),
        RefusalRow(state: "recommended", command: .fire("execute"), by: Staff.finance,
                   refusal: .notHandled(event: "execute", state: "recommended")),
        RefusalRow(state: "escalated", command: .fire("approve"), by: Staff.analyst,
                   refusal: .roleMissing(event: "approve", actor: "u-analyst", required: ["credit-manager"])),
        RefusalRow(state: "escalated", command: .fire("reject"), by: Staff.analyst,
                   refusal: .roleMissing(event: "reject", actor: "u-analyst", required: ["credit-manager"])),
        RefusalRow(state: "escalated", command: .fire("withdraw"), by: Staff.collections,
                   refusal: .notHandled(event: "withdraw", state: "escalated")),
        RefusalRow(state: "approved", command: .fire("execute"), by: Staff.manager,
                   refusal: .roleMissing(event: "execute", actor: "u-manager", required: ["finance"])),
        RefusalRow(state: "written-off", command: .fire("execute"), by: Staff.finance,
                   refusal: .notHandled(event: "execute", state: "written-off")),
    ]

    static let timers: [TimerRow] = [
        TimerRow(state: "recommended", event: "escalate", afterSeconds: 10 * 86_400, to: "escalated",
                 actions: ["notification.send: write-off-escalation"]),
    ]

    @Test(arguments: transitions) func transition(_ row: TransitionRow) throws { try harness.check(row) }
    @Test(arguments: refusals) func refusal(_ row: RefusalRow) { harness.check(row) }
    @Test(arguments: timers) func timer(_ row: TimerRow) throws { try harness.check(row) }

    @Test func tablesCoverTheWorkflow() {
        harness.checkCoverage(transitions: Self.transitions, refusals: Self.refusals, timers: Self.timers)
    }

    /// One checker is not enough for a write-off; the escalation timer keeps running meanwhile.
    @Test func oneCheckerIsNotEnough() {
        var instance = harness.instance(in: "recommended")
        _ = instance.apply(.fire("approve"), in: harness.workflow, by: Staff.manager, context: harness.baseContext,
                           at: t0)
        let first = instance.apply(.approve("approve"), in: harness.workflow, by: Staff.admin,
                                   context: harness.baseContext, at: t0.plus(hours: 1))
        #expect(first.step?.change == .approvalRecorded(event: "approve", checker: "u-admin", approvals: 1,
                                                        checkersNeeded: 2))
        #expect(instance.state == "recommended")
        #expect(instance.timers == harness.instance(in: "recommended").timers)
        #expect(instance.pendingApproval(for: "approve")?.approvedBy == ["u-admin"])
    }
}
