import Rules
import Testing
import Workflow

/// `workflows/loan-lifecycle.yaml`: every transition, refusal and timer.
@Suite struct LoanLifecycleTests {
    let harness: Harness

    init() throws {
        harness = Harness(workflow: try Shipped.workflow("loan-lifecycle"),
                          baseContext: ["classification": .string("npa_loss"), "total_outstanding": .rupees(0)])
    }

    static let closed = ["loan.close", "document.render: noc"]
    static let inLoss = #"classification in ["npa_doubtful_d3", "npa_loss"]"#
    static let nothingOwed = "total_outstanding == ₹0"
    static let owing: [String: Value?] = ["total_outstanding": .rupees(1_250)]

    static let transitions: [TransitionRow] = [
        TransitionRow(from: "pending-activation", event: "activate", by: Staff.system, to: "active"),
        TransitionRow(from: "pending-activation", event: "cancel", by: Staff.operations, to: "closed", actions: closed),
        TransitionRow(from: "active", event: "restructure", by: Staff.system, to: "restructured-observation"),
        TransitionRow(from: "active", event: "write-off", by: Staff.system, to: "written-off",
                      actions: ["collections.assign"]),
        TransitionRow(from: "active", event: "settle", by: Staff.system, to: "settled", actions: ["loan.settle"]),
        TransitionRow(from: "active", event: "close", by: Staff.system, to: "closed", actions: closed),
        TransitionRow(from: "restructured-observation", event: "observation-complete", by: Staff.system, to: "active"),
        TransitionRow(from: "restructured-observation", event: "write-off", by: Staff.system,
                      context: ["classification": .string("npa_doubtful_d3")], to: "written-off",
                      actions: ["collections.assign"]),
        TransitionRow(from: "restructured-observation", event: "settle", by: Staff.system, to: "settled",
                      actions: ["loan.settle"]),
        TransitionRow(from: "restructured-observation", event: "close", by: Staff.system, to: "closed",
                      actions: closed),
        TransitionRow(from: "written-off", event: "settle", by: Staff.system, to: "settled", actions: ["loan.settle"]),
        TransitionRow(from: "written-off", event: "close", by: Staff.system, to: "closed", actions: closed),
        TransitionRow(from: "settled", event: "close", by: Staff.system, context: owing, to: "closed", actions: closed),
    ]

    static let refusals: [RefusalRow] = [
        RefusalRow(state: "pending-activation", command: .fire("cancel"), by: Staff.officer,
                   refusal: .roleMissing(event: "cancel", actor: "u-officer", required: ["operations"])),
        RefusalRow(state: "pending-activation", command: .fire("cancel"), by: Staff.operations, context: owing,
                   refusal: .guardFalse(event: "cancel", condition: nothingOwed)),
        RefusalRow(state: "pending-activation", command: .fire("close"), by: Staff.system,
                   refusal: .notHandled(event: "close", state: "pending-activation")),
        RefusalRow(state: "active", command: .fire("write-off"), by: Staff.system,
                   context: ["classification": .string("sma_2")],
                   refusal: .guardFalse(event: "write-off", condition: inLoss)),
        RefusalRow(state: "active", command: .fire("write-off"), by: Staff.system,
                   context: ["classification": .string("npa_doubtful_d2")],
                   refusal: .guardFalse(event: "write-off", condition: inLoss)),
        RefusalRow(state: "active", command: .fire("close"), by: Staff.system, context: owing,
                   refusal: .guardFalse(event: "close", condition: nothingOwed)),
        RefusalRow(state: "active", command: .fire("activate"), by: Staff.system,
                   refusal: .notHandled(event: "activate", state: "active")),
        RefusalRow(state: "restructured-observation", command: .fire("write-off"), by: Staff.system,
                   context: ["classification": .string("standard")],
                   refusal: .guardFalse(event: "write-off", condition: inLoss)),
        RefusalRow(state: "restructured-observation", command: .fire("close"), by: Staff.system, context: owing,
                   refusal: .guardFalse(event: "close", condition: nothingOwed)),
        RefusalRow(state: "restructured-observation", command: .timer("observation-complete"), by: Staff.system,
                   refusal: .timerNotDue(event: "observation-complete", due: t0.plus(hours: 365 * 24))),
        RefusalRow(state: "written-off", command: .fire("close"), by: Staff.system, context: owing,
                   refusal: .guardFalse(event: "close", condition: nothingOwed)),
        RefusalRow(state: "written-off", command: .fire("restructure"), by: Staff.system,
                   refusal: .notHandled(event: "restructure", state: "written-off")),
        RefusalRow(state: "closed", command: .fire("activate"), by: Staff.system,
                   refusal: .notHandled(event: "activate", state: "closed")),
        RefusalRow(state: "active", command: .fire("disburse"), by: Staff.system, refusal: .unknownEvent("disburse")),
    ]

    static let timers: [TimerRow] = [
        TimerRow(state: "restructured-observation", event: "observation-complete", afterSeconds: 365 * 86_400,
                 to: "active"),
    ]

    @Test(arguments: transitions) func transition(_ row: TransitionRow) throws { try harness.check(row) }
    @Test(arguments: refusals) func refusal(_ row: RefusalRow) { harness.check(row) }
    @Test(arguments: timers) func timer(_ row: TimerRow) throws { try harness.check(row) }

    @Test func tablesCoverTheWorkflow() {
        harness.checkCoverage(transitions: Self.transitions, refusals: Self.refusals, timers: Self.timers)
    }

    /// The non-classification states of DESIGN.md, in kebab case.
    @Test func statesAreTheServicingStatesOfTheDesign() {
        let design = ["PENDING_ACTIVATION", "ACTIVE", "RESTRUCTURED_OBSERVATION", "WRITTEN_OFF", "SETTLED", "CLOSED"]
        #expect(harness.workflow.stateNames == design.map { $0.lowercased().replacingOccurrences(of: "_", with: "-") })
    }
}
