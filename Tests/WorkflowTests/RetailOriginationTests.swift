import Rules
import Testing
import Workflow

/// `workflows/retail-origination.yaml`: every transition, refusal and timer.
@Suite struct RetailOriginationTests {
    let harness: Harness

    init() throws {
        harness = Harness(workflow: try Shipped.workflow("retail-origination"),
                          baseContext: ["amount": .rupees(5_00_000), "kyc_passed": .bool(true),
                                        "decision": .string("approve"), "rate_override": .bool(false)])
    }

    static let underwriting = ["bureau.pull", "policy.evaluate: personal-loan-underwriting"]
    static let sanctioned = ["document.render: sanction-letter", "document.render: kfs", "esign.request: kfs"]
    static let rejected = ["notification.send: application-rejected"]
    static let expired = ["notification.send: application-expired"]
    static let large: [String: Value?] = ["amount": .rupees(25_00_000)]

    static let transitions: [TransitionRow] = [
        TransitionRow(from: "draft", event: "submit", by: Staff.officer, to: "kyc", actions: ["kyc.verify"]),
        TransitionRow(from: "draft", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "draft", event: "expire", by: Staff.system, to: "expired", actions: expired),
        TransitionRow(from: "kyc", event: "kyc-complete", by: Staff.system, to: "underwriting", actions: underwriting),
        TransitionRow(from: "kyc", event: "reject", by: Staff.system, context: ["kyc_passed": .bool(false)],
                      to: "rejected", actions: rejected),
        TransitionRow(from: "kyc", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "underwriting", event: "approve", by: Staff.system, to: "sanctioned", actions: sanctioned),
        TransitionRow(from: "underwriting", event: "refer", by: Staff.system, context: ["decision": .string("refer")],
                      to: "manual-review", actions: ["notification.send: credit-team"]),
        TransitionRow(from: "underwriting", event: "reject", by: Staff.system, context: ["decision": .string("reject")],
                      to: "rejected", actions: rejected),
        TransitionRow(from: "underwriting", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "manual-review", event: "approve", by: Staff.analyst, to: "sanctioned",
                      actions: sanctioned),
        TransitionRow(from: "manual-review", event: "reject", by: Staff.analyst, to: "rejected", actions: rejected),
        TransitionRow(from: "manual-review", event: "escalate", by: Staff.system, to: "manual-review-escalated",
                      actions: ["notification.send: credit-managers-escalation"]),
        TransitionRow(from: "manual-review", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "manual-review-escalated", event: "approve", by: Staff.manager, to: "sanctioned",
                      actions: sanctioned),
        TransitionRow(from: "manual-review-escalated", event: "reject", by: Staff.manager, to: "rejected",
                      actions: rejected),
        TransitionRow(from: "manual-review-escalated", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "manual-review-escalated", event: "expire", by: Staff.system, to: "expired",
                      actions: expired),
        TransitionRow(from: "sanctioned", event: "accept-kfs", by: Staff.system, to: "disbursement",
                      actions: ["mandate.register"]),
        TransitionRow(from: "sanctioned", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "sanctioned", event: "expire", by: Staff.system, to: "expired", actions: expired),
        TransitionRow(from: "disbursement", event: "disburse", by: Staff.operations, checkers: [Staff.finance],
                      to: "booked", actions: ["disbursement.initiate", "loan.book"]),
        TransitionRow(from: "disbursement", event: "withdraw", by: Staff.officer, to: "withdrawn"),
    ]

    /// Above ₹10 lakh, approval from review waits for checkers.
    static let approvalsAboveTenLakh: [TransitionRow] = [
        TransitionRow(from: "manual-review", event: "approve", by: Staff.analyst, checkers: [Staff.manager],
                      context: large, to: "sanctioned", actions: sanctioned),
        TransitionRow(from: "manual-review-escalated", event: "approve", by: Staff.manager,
                      checkers: [Staff.manager2, Staff.admin], context: large, to: "sanctioned", actions: sanctioned),
        TransitionRow(from: "disbursement", event: "disburse", by: Staff.operations, checkers: [Staff.operations2],
                      to: "booked", actions: ["disbursement.initiate", "loan.book"]),
    ]

    static let refusals: [RefusalRow] = [
        RefusalRow(state: "draft", command: .fire("submit"), by: Staff.analyst,
                   refusal: .roleMissing(event: "submit", actor: "u-analyst", required: ["loan-officer"])),
        RefusalRow(state: "draft", command: .fire("withdraw"), by: Staff.manager,
                   refusal: .roleMissing(event: "withdraw", actor: "u-manager", required: ["loan-officer"])),
        RefusalRow(state: "draft", command: .fire("approve"), by: Staff.manager,
                   refusal: .notHandled(event: "approve", state: "draft")),
        RefusalRow(state: "draft", command: .fire("sanction"), by: Staff.manager, refusal: .unknownEvent("sanction")),
        RefusalRow(state: "kyc", command: .fire("kyc-complete"), by: Staff.system,
                   context: ["kyc_passed": .bool(false)],
                   refusal: .guardFalse(event: "kyc-complete", condition: "kyc_passed")),
        RefusalRow(state: "kyc", command: .fire("reject"), by: Staff.system,
                   refusal: .guardFalse(event: "reject", condition: "not kyc_passed")),
        RefusalRow(state: "kyc", command: .fire("kyc-complete"), by: Staff.system, context: ["kyc_passed": nil],
                   refusal: .guardFailed(event: "kyc-complete", condition: "kyc_passed",
                                         reason: "input 'kyc_passed' is missing")),
        RefusalRow(state: "kyc", command: .fire("submit"), by: Staff.officer,
                   refusal: .notHandled(event: "submit", state: "kyc")),
        RefusalRow(state: "underwriting", command: .fire("approve"), by: Staff.system,
                   context: ["decision": .string("refer")],
                   refusal: .guardFalse(event: "approve", condition: #"decision == "approve""#)),
        RefusalRow(state: "underwriting", command: .fire("refer"), by: Staff.system,
                   refusal: .guardFalse(event: "refer", condition: #"decision == "refer""#)),
        RefusalRow(state: "underwriting", command: .fire("reject"), by: Staff.system,
                   refusal: .guardFalse(event: "reject", condition: #"decision == "reject""#)),
        RefusalRow(state: "underwriting", command: .fire("approve"), by: Staff.system,
                   context: ["decision": .string("maybe")],
                   refusal: .guardFailed(event: "approve", condition: #"decision == "approve""#,
                                         reason: "input 'decision' must be decision")),
        RefusalRow(state: "manual-review", command: .fire("approve"), by: Staff.officer,
                   refusal: .roleMissing(event: "approve", actor: "u-officer",
                                         required: ["credit-analyst", "credit-manager"])),
        RefusalRow(state: "manual-review", command: .fire("reject"), by: Staff.officer,
                   refusal: .roleMissing(event: "reject", actor: "u-officer",
                                         required: ["credit-analyst", "credit-manager"])),
        RefusalRow(state: "manual-review-escalated", command: .fire("approve"), by: Staff.analyst,
                   refusal: .roleMissing(event: "approve", actor: "u-analyst", required: ["credit-manager"])),
        RefusalRow(state: "manual-review-escalated", command: .fire("reject"), by: Staff.analyst,
                   refusal: .roleMissing(event: "reject", actor: "u-analyst", required: ["credit-manager"])),
        RefusalRow(state: "manual-review-escalated", command: .fire("escalate"), by: Staff.system,
                   refusal: .notHandled(event: "escalate", state: "manual-review-escalated")),
        RefusalRow(state: "disbursement", command: .fire("disburse"), by: Staff.finance,
                   refusal: .roleMissing(event: "disburse", actor: "u-finance", required: ["operations"])),
        RefusalRow(state: "booked", command: .fire("withdraw"), by: Staff.officer,
                   refusal: .notHandled(event: "withdraw", state: "booked")),
        RefusalRow(state: "disbursement", command: .approve("disburse"), by: Staff.finance,
                   refusal: .noApprovalPending(event: "disburse")),
        RefusalRow(state: "kyc", command: .timer("expire"), by: Staff.system,
                   refusal: .noTimer(event: "expire", state: "kyc")),
    ]

    static let timers: [TimerRow] = [
        TimerRow(state: "draft", event: "expire", afterSeconds: 30 * 86_400, to: "expired", actions: expired),
        TimerRow(state: "manual-review", event: "escalate", afterSeconds: 48 * 3_600, to: "manual-review-escalated",
                 actions: ["notification.send: credit-managers-escalation"]),
        TimerRow(state: "manual-review-escalated", event: "expire", afterSeconds: 5 * 86_400, to: "expired",
                 actions: expired),
        TimerRow(state: "sanctioned", event: "expire", afterSeconds: 7 * 86_400, to: "expired", actions: expired),
    ]

    @Test(arguments: transitions) func transition(_ row: TransitionRow) throws { try harness.check(row) }
    @Test(arguments: approvalsAboveTenLakh) func approval(_ row: TransitionRow) throws { try harness.check(row) }
    @Test(arguments: refusals) func refusal(_ row: RefusalRow) { harness.check(row) }
    @Test(arguments: timers) func timer(_ row: TimerRow) throws { try harness.check(row) }

    @Test func tablesCoverTheWorkflow() {
        harness.checkCoverage(transitions: Self.transitions, refusals: Self.refusals, timers: Self.timers)
    }

    /// Draft to booked through a referral: each step's actions and timers, in order.
    @Test func referredApplicationJourney() throws {
        let wf = harness.workflow
        let start = wf.start(at: t0)
        #expect(start.change == .started(state: "draft"))
        #expect(start.actions.isEmpty)
        #expect(start.timersStarted == [ScheduledTimer(event: "expire", state: "draft", due: t0.plus(hours: 30 * 24))])
        var application = start.instance
        let context = harness.context(["decision": .string("refer"), "amount": .rupees(8_00_000)])
        func send(_ command: WorkflowCommand, _ actor: WorkflowActor, _ hours: Int64) -> WorkflowStep? {
            application.apply(command, in: wf, by: actor, context: context, at: t0.plus(hours: hours)).step
        }
        let submitted = try #require(send(.fire("submit"), Staff.officer, 1))
        #expect(submitted.timersCancelled == start.timersStarted)
        #expect(submitted.timersStarted.isEmpty)
        #expect(send(.fire("kyc-complete"), Staff.system, 2)?.actions.map(\.description) == Self.underwriting)
        let referred = try #require(send(.fire("refer"), Staff.system, 3))
        #expect(referred.timersStarted == [ScheduledTimer(event: "escalate", state: "manual-review",
                                                          due: t0.plus(hours: 51))])
        #expect(send(.fire("approve"), Staff.analyst, 20)?.instance.state == "sanctioned")
        #expect(application.timers == [ScheduledTimer(event: "expire", state: "sanctioned",
                                                      due: t0.plus(hours: 20 + 7 * 24))])
        #expect(send(.fire("accept-kfs"), Staff.system, 30)?.actions.map(\.description) == ["mandate.register"])
        let requested = try #require(send(.fire("disburse"), Staff.operations, 31))
        #expect(requested.change == .approvalRequested(event: "disburse", maker: "u-ops", checkersNeeded: 1))
        #expect(requested.actions.isEmpty)
        let booked = try #require(send(.approve("disburse"), Staff.finance, 32))
        #expect(booked.instance.state == "booked")
        #expect(booked.instance.enteredAt == t0.plus(hours: 32))
        #expect(booked.change == .moved(WorkflowMove(event: "disburse", from: "disbursement", to: "booked",
                                                     actor: "u-ops", checkers: ["u-finance"])))
        #expect(booked.actions == [WorkflowAction("disbursement.initiate"), WorkflowAction("loan.book")])
    }

    /// A referral nobody picks up escalates after 48 hours, then expires after five more days.
    @Test func unattendedReferralEscalatesThenExpires() throws {
        let wf = harness.workflow
        var application = harness.instance(in: "manual-review", at: t0)
        #expect(wf.dueTimers(of: application, at: t0.plus(hours: 47)).isEmpty)
        let due = wf.dueTimers(of: application, at: t0.plus(hours: 48))
        #expect(due == [ScheduledTimer(event: "escalate", state: "manual-review", due: t0.plus(hours: 48))])
        _ = application.apply(.timer("escalate"), in: wf, by: .system, context: harness.baseContext,
                              at: t0.plus(hours: 48))
        #expect(application.state == "manual-review-escalated")
        #expect(application.timers == [ScheduledTimer(event: "expire", state: "manual-review-escalated",
                                                      due: t0.plus(hours: 48 + 5 * 24))])
        let expired = application.apply(.timer("expire"), in: wf, by: .system, context: harness.baseContext,
                                        at: t0.plus(hours: 48 + 5 * 24 + 3))
        #expect(expired.step?.instance.state == "expired")
        #expect(application.timers.isEmpty)
    }
}
