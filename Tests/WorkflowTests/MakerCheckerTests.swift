import Rules
import Testing
import Workflow

/// Four-eyes approval, on the shipped write-off (two checkers) and retail origination (one checker
/// above ₹10 lakh) workflows.
@Suite struct MakerCheckerTests {
    let writeOff: CompiledWorkflow
    let retail: CompiledWorkflow
    let restructure: CompiledWorkflow
    let npa: [String: Value] = ["classification": .string("npa_loss"), "outstanding": .rupees(3_00_000)]

    init() throws {
        writeOff = try Shipped.workflow("write-off")
        retail = try Shipped.workflow("retail-origination")
        restructure = try Shipped.workflow("restructure")
    }

    /// A write-off in `recommended` with the manager's approval request pending.
    func requested() throws -> WorkflowInstance {
        var instance = WorkflowInstance(workflow: "write-off", state: "recommended", enteredAt: t0)
        let outcome = instance.apply(.fire("approve"), in: writeOff, by: Staff.manager, context: npa, at: t0)
        #expect(outcome.step?.change == .approvalRequested(event: "approve", maker: "u-manager", checkersNeeded: 2))
        #expect(outcome.step?.actions == [])
        #expect(instance.state == "recommended")
        #expect(instance.pendingApproval(for: "approve")
                == PendingApproval(event: "approve", maker: "u-manager", requestedAt: t0, checkersNeeded: 2))
        return instance
    }

    @Test func makerCannotCheck() throws {
        var instance = try requested()
        let before = instance
        let outcome = instance.apply(.approve("approve"), in: writeOff, by: Staff.manager, context: npa,
                                     at: t0.plus(hours: 1))
        #expect(outcome == .refused(.makerCannotCheck(event: "approve", actor: "u-manager")))
        #expect(instance == before)
    }

    @Test func makerCannotCheckThroughAnotherRole() throws {
        let both = WorkflowActor(id: "u-both", roles: ["credit-manager", "admin"])
        var instance = WorkflowInstance(workflow: "write-off", state: "recommended", enteredAt: t0)
        _ = instance.apply(.fire("approve"), in: writeOff, by: both, context: npa, at: t0)
        let outcome = instance.apply(.approve("approve"), in: writeOff, by: both, context: npa, at: t0)
        #expect(outcome == .refused(.makerCannotCheck(event: "approve", actor: "u-both")))
    }

    @Test func twoCheckersMustBeDistinct() throws {
        var instance = try requested()
        let first = instance.apply(.approve("approve"), in: writeOff, by: Staff.manager2, context: npa,
                                   at: t0.plus(hours: 1))
        #expect(first.step?.change == .approvalRecorded(event: "approve", checker: "u-manager-2", approvals: 1,
                                                        checkersNeeded: 2))
        #expect(instance.state == "recommended")
        let again = instance.apply(.approve("approve"), in: writeOff, by: Staff.manager2, context: npa,
                                   at: t0.plus(hours: 2))
        #expect(again == .refused(.alreadyApproved(event: "approve", actor: "u-manager-2")))
        let second = instance.apply(.approve("approve"), in: writeOff, by: Staff.finance, context: npa,
                                    at: t0.plus(hours: 3))
        #expect(second.step?.change == .moved(WorkflowMove(event: "approve", from: "recommended", to: "approved",
                                                           actor: "u-manager", checkers: ["u-manager-2", "u-finance"])))
        #expect(second.step?.actions == [WorkflowAction("document.render", "write-off-note")])
        #expect(instance.state == "approved")
        #expect(instance.enteredAt == t0.plus(hours: 3))
        #expect(instance.pendingApprovals.isEmpty)
    }

    @Test func checkerRolesAreEnforced() throws {
        var instance = try requested()
        let outcome = instance.apply(.approve("approve"), in: writeOff, by: Staff.auditor, context: npa, at: t0)
        #expect(outcome == .refused(.checkerRoleMissing(event: "approve", actor: "u-auditor",
                                                        required: ["credit-manager", "finance", "admin"])))
        let officer = instance.apply(.approve("approve"), in: writeOff, by: Staff.officer, context: npa, at: t0)
        #expect(officer.refusal == .checkerRoleMissing(event: "approve", actor: "u-officer",
                                                       required: ["credit-manager", "finance", "admin"]))
        #expect(instance.pendingApproval(for: "approve")?.approvedBy == [])
    }

    @Test func makerRolesAreEnforced() {
        let instance = WorkflowInstance(workflow: "write-off", state: "recommended", enteredAt: t0)
        let outcome = writeOff.apply(.fire("approve"), to: instance, by: Staff.finance, context: npa, at: t0)
        #expect(outcome == .refused(.roleMissing(event: "approve", actor: "u-finance", required: ["credit-manager"])))
    }

    @Test func aSecondRequestWaitsForTheFirst() throws {
        var instance = try requested()
        for actor in [Staff.manager, Staff.manager2] {
            let outcome = instance.apply(.fire("approve"), in: writeOff, by: actor, context: npa, at: t0.plus(hours: 1))
            #expect(outcome == .refused(.approvalPending(event: "approve", maker: "u-manager")))
        }
    }

    @Test func checkerDeclinesAndMakerWithdraws() throws {
        var instance = try requested()
        let auditor = instance.apply(.decline("approve"), in: writeOff, by: Staff.auditor, at: t0)
        #expect(auditor.refusal == .checkerRoleMissing(event: "approve", actor: "u-auditor",
                                                       required: ["credit-manager", "finance", "admin"]))
        let declined = instance.apply(.decline("approve"), in: writeOff, by: Staff.finance, at: t0.plus(hours: 1))
        #expect(declined.step?.change == .approvalDeclined(event: "approve", by: "u-finance"))
        #expect(instance.pendingApprovals.isEmpty)
        #expect(instance.state == "recommended")
        #expect(instance.apply(.approve("approve"), in: writeOff, by: Staff.finance, context: npa, at: t0)
                == .refused(.noApprovalPending(event: "approve")))

        instance = try requested()
        let withdrawn = instance.apply(.decline("approve"), in: writeOff, by: Staff.manager, at: t0.plus(hours: 1))
        #expect(withdrawn.step?.change == .approvalDeclined(event: "approve", by: "u-manager"))
        #expect(instance.pendingApprovals.isEmpty)
    }

    @Test func leavingTheStateDropsThePendingRequest() throws {
        var instance = try requested()
        let rejected = instance.apply(.fire("reject"), in: writeOff, by: Staff.manager2, context: npa,
                                      at: t0.plus(hours: 1))
        #expect(rejected.step?.instance.state == "rejected")
        #expect(instance.pendingApprovals.isEmpty)
    }

    @Test func approvalIsNeededOnlyAboveTheAmount() {
        let review = WorkflowInstance(workflow: "retail-origination", state: "manual-review", enteredAt: t0)
        func fire(_ rupees: Int64, override: Bool = false) -> WorkflowChange? {
            let context: [String: Value] = ["amount": .rupees(rupees), "kyc_passed": .bool(true),
                                            "decision": .string("refer"), "rate_override": .bool(override)]
            return retail.apply(.fire("approve"), to: review, by: Staff.analyst, context: context, at: t0).step?.change
        }
        #expect(fire(10_00_000) == .moved(WorkflowMove(event: "approve", from: "manual-review", to: "sanctioned",
                                                       actor: "u-analyst")))
        #expect(fire(10_00_001) == .approvalRequested(event: "approve", maker: "u-analyst", checkersNeeded: 1))
        // A rate other than the pricing table's needs a checker whatever the amount.
        #expect(fire(5_00_000, override: true) == .approvalRequested(event: "approve", maker: "u-analyst", checkersNeeded: 1))
        let missing = retail.apply(.fire("approve"), to: review, by: Staff.analyst, context: [:], at: t0)
        #expect(missing == .refused(.guardFailed(event: "approve", condition: "amount > ₹10_00_000 or rate_override",
                                                 reason: "input 'amount' is missing")))
    }

    @Test func theGuardIsCheckedAgainOnTheLastApproval() {
        var instance = WorkflowInstance(workflow: "restructure", state: "assessment", enteredAt: t0)
        let eligible: [String: Value] = ["eligible": .bool(true), "outstanding": .rupees(4_00_000)]
        _ = instance.apply(.fire("approve"), in: restructure, by: Staff.analyst, context: eligible, at: t0)
        let before = instance
        var noLonger = eligible
        noLonger["eligible"] = .bool(false)
        let outcome = instance.apply(.approve("approve"), in: restructure, by: Staff.manager, context: noLonger, at: t0)
        #expect(outcome == .refused(.guardFalse(event: "approve", condition: "eligible")))
        #expect(instance == before)
        let approved = instance.apply(.approve("approve"), in: restructure, by: Staff.admin, context: eligible, at: t0)
        #expect(approved.step?.instance.state == "approved")
    }

    @Test func theGuardIsCheckedBeforeARequestIsMade() {
        let instance = WorkflowInstance(workflow: "restructure", state: "assessment", enteredAt: t0)
        let outcome = restructure.apply(.fire("approve"), to: instance, by: Staff.analyst,
                                        context: ["eligible": .bool(false)], at: t0)
        #expect(outcome == .refused(.guardFalse(event: "approve", condition: "eligible")))
    }

    @Test func theSameCommandAlwaysGivesTheSameOutcome() throws {
        let instance = try requested()
        let outcomes = (0..<3).map { _ in
            writeOff.apply(.approve("approve"), to: instance, by: Staff.admin, context: npa, at: t0.plus(hours: 5))
        }
        #expect(Set(outcomes).count == 1)
    }

    @Test func anInstanceOfAnotherWorkflowIsRefused() throws {
        let instance = try requested()
        #expect(retail.apply(.fire("approve"), to: instance, by: Staff.admin, at: t0)
                == .refused(.wrongWorkflow(expected: "retail-origination", found: "write-off")))
        let stale = WorkflowInstance(workflow: "write-off", state: "under-review", enteredAt: t0)
        let outcome = writeOff.apply(.fire("approve"), to: stale, by: Staff.admin, at: t0)
        #expect(outcome == .refused(.unknownState("under-review")))
    }
}
