import Rules
import Testing
import Workflow

/// `workflows/restructure.yaml`: every transition, refusal and timer.
@Suite struct RestructureTests {
    let harness: Harness

    init() throws {
        harness = Harness(workflow: try Shipped.workflow("restructure"),
                          baseContext: ["outstanding": .rupees(4_00_000), "eligible": .bool(true),
                                        "borrower_consent": .bool(true)])
    }

    static let offer = ["document.render: restructure-offer", "notification.send: restructure-offer"]

    static let transitions: [TransitionRow] = [
        TransitionRow(from: "proposed", event: "submit", by: Staff.analyst, to: "assessment",
                      actions: ["policy.evaluate: restructure-eligibility"]),
        TransitionRow(from: "proposed", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "assessment", event: "approve", by: Staff.analyst, checkers: [Staff.manager],
                      to: "approved", actions: offer),
        TransitionRow(from: "assessment", event: "reject", by: Staff.manager, to: "rejected"),
        TransitionRow(from: "assessment", event: "withdraw", by: Staff.analyst, to: "withdrawn"),
        TransitionRow(from: "assessment", event: "expire", by: Staff.system, to: "expired"),
        TransitionRow(from: "approved", event: "accept", by: Staff.system, to: "implemented",
                      actions: ["loan.restructure", "document.render: restructure-terms"]),
        TransitionRow(from: "approved", event: "withdraw", by: Staff.manager, to: "withdrawn"),
        TransitionRow(from: "approved", event: "expire", by: Staff.system, to: "expired"),
    ]

    static let refusals: [RefusalRow] = [
        RefusalRow(state: "proposed", command: .fire("submit"), by: Staff.manager,
                   refusal: .roleMissing(event: "submit", actor: "u-manager",
                                         required: ["loan-officer", "credit-analyst"])),
        RefusalRow(state: "proposed", command: .fire("withdraw"), by: Staff.operations,
                   refusal: .roleMissing(event: "withdraw", actor: "u-ops",
                                         required: ["loan-officer", "credit-analyst"])),
        RefusalRow(state: "assessment", command: .fire("approve"), by: Staff.officer,
                   refusal: .roleMissing(event: "approve", actor: "u-officer",
                                         required: ["credit-analyst", "credit-manager"])),
        RefusalRow(state: "assessment", command: .fire("approve"), by: Staff.analyst,
                   context: ["eligible": .bool(false)], refusal: .guardFalse(event: "approve", condition: "eligible")),
        RefusalRow(state: "assessment", command: .fire("reject"), by: Staff.analyst,
                   refusal: .roleMissing(event: "reject", actor: "u-analyst", required: ["credit-manager"])),
        RefusalRow(state: "assessment", command: .fire("withdraw"), by: Staff.manager,
                   refusal: .roleMissing(event: "withdraw", actor: "u-manager",
                                         required: ["loan-officer", "credit-analyst"])),
        RefusalRow(state: "assessment", command: .fire("accept"), by: Staff.system,
                   refusal: .notHandled(event: "accept", state: "assessment")),
        RefusalRow(state: "approved", command: .fire("accept"), by: Staff.system,
                   context: ["borrower_consent": .bool(false)],
                   refusal: .guardFalse(event: "accept", condition: "borrower_consent")),
        RefusalRow(state: "approved", command: .fire("withdraw"), by: Staff.analyst,
                   refusal: .roleMissing(event: "withdraw", actor: "u-analyst", required: ["credit-manager"])),
        RefusalRow(state: "implemented", command: .fire("accept"), by: Staff.system,
                   refusal: .notHandled(event: "accept", state: "implemented")),
    ]

    static let timers: [TimerRow] = [
        TimerRow(state: "assessment", event: "expire", afterSeconds: 30 * 86_400, to: "expired"),
        TimerRow(state: "approved", event: "expire", afterSeconds: 15 * 86_400, to: "expired"),
    ]

    @Test(arguments: transitions) func transition(_ row: TransitionRow) throws { try harness.check(row) }
    @Test(arguments: refusals) func refusal(_ row: RefusalRow) { harness.check(row) }
    @Test(arguments: timers) func timer(_ row: TimerRow) throws { try harness.check(row) }

    @Test func tablesCoverTheWorkflow() {
        harness.checkCoverage(transitions: Self.transitions, refusals: Self.refusals, timers: Self.timers)
    }

    /// Every restructuring approval needs a checker, whatever the amount.
    @Test func approvalAlwaysNeedsAChecker() {
        let assessment = harness.instance(in: "assessment")
        for rupees: Int64 in [1, 50_000, 5_00_00_000] {
            let outcome = harness.workflow.apply(.fire("approve"), to: assessment, by: Staff.manager,
                                                 context: harness.context(["outstanding": .rupees(rupees)]), at: t0)
            #expect(outcome.step?.change == .approvalRequested(event: "approve", maker: "u-manager", checkersNeeded: 1))
        }
    }
}
