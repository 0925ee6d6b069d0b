import LoanMath
import Rules
import Testing
import Workflow

/// `workflows/invoice-financing.yaml`: every transition, refusal and timer.
@Suite struct InvoiceFinancingTests {
    let harness: Harness

    init() throws {
        harness = Harness(workflow: try Shipped.workflow("invoice-financing"), baseContext: [
            "invoice_amount": .rupees(20_00_000), "confirmed_amount": .rupees(20_00_000),
            "due_date": Self.day("2026-03-31"), "business_date": Self.day("2026-02-01"),
        ])
    }

    static func day(_ iso: String) -> Value { .date(LocalDate(iso: iso)!) }

    static let pastDue: [String: Value?] = ["business_date": day("2026-04-05")]
    static let large: [String: Value?] = ["invoice_amount": .rupees(30_00_000), "confirmed_amount": .rupees(30_00_000)]
    static let originators = ["loan-officer", "operations"]
    static let credit = ["credit-analyst", "credit-manager"]

    static let transitions: [TransitionRow] = [
        TransitionRow(from: "submitted", event: "confirm", by: Staff.system, to: "buyer-confirmed",
                      actions: ["policy.evaluate: scf-invoice-limits"]),
        TransitionRow(from: "submitted", event: "dispute", by: Staff.system, to: "rejected"),
        TransitionRow(from: "submitted", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "submitted", event: "expire", by: Staff.system, to: "expired"),
        TransitionRow(from: "buyer-confirmed", event: "approve", by: Staff.analyst, to: "approved"),
        TransitionRow(from: "buyer-confirmed", event: "reject", by: Staff.analyst, to: "rejected"),
        TransitionRow(from: "buyer-confirmed", event: "withdraw", by: Staff.operations, to: "withdrawn"),
        TransitionRow(from: "approved", event: "fund", by: Staff.operations, to: "funded", actions: ["invoice.fund"]),
        TransitionRow(from: "approved", event: "withdraw", by: Staff.officer, to: "withdrawn"),
        TransitionRow(from: "approved", event: "expire", by: Staff.system, to: "expired"),
        TransitionRow(from: "funded", event: "repay", by: Staff.system, to: "repaid", actions: ["invoice.close"]),
        TransitionRow(from: "funded", event: "overdue", by: Staff.system, context: pastDue, to: "overdue",
                      actions: ["collections.assign"]),
        TransitionRow(from: "funded", event: "dishonour", by: Staff.system, to: "dishonoured",
                      actions: ["invoice.recourse"]),
        TransitionRow(from: "overdue", event: "repay", by: Staff.system, to: "repaid", actions: ["invoice.close"]),
        TransitionRow(from: "overdue", event: "dishonour", by: Staff.system, to: "dishonoured",
                      actions: ["invoice.recourse"]),
    ]

    static let approvalsAboveLimit: [TransitionRow] = [
        TransitionRow(from: "buyer-confirmed", event: "approve", by: Staff.analyst, checkers: [Staff.manager],
                      context: large, to: "approved"),
    ]

    static let refusals: [RefusalRow] = [
        RefusalRow(state: "submitted", command: .fire("confirm"), by: Staff.system,
                   context: ["confirmed_amount": .rupees(19_00_000)],
                   refusal: .guardFalse(event: "confirm", condition: "confirmed_amount == invoice_amount")),
        RefusalRow(state: "submitted", command: .fire("withdraw"), by: Staff.analyst,
                   refusal: .roleMissing(event: "withdraw", actor: "u-analyst", required: originators)),
        RefusalRow(state: "submitted", command: .fire("fund"), by: Staff.operations,
                   refusal: .notHandled(event: "fund", state: "submitted")),
        RefusalRow(state: "buyer-confirmed", command: .fire("approve"), by: Staff.operations,
                   refusal: .roleMissing(event: "approve", actor: "u-ops", required: credit)),
        RefusalRow(state: "buyer-confirmed", command: .fire("reject"), by: Staff.officer,
                   refusal: .roleMissing(event: "reject", actor: "u-officer", required: credit)),
        RefusalRow(state: "buyer-confirmed", command: .fire("withdraw"), by: Staff.analyst,
                   refusal: .roleMissing(event: "withdraw", actor: "u-analyst", required: originators)),
        RefusalRow(state: "approved", command: .fire("fund"), by: Staff.officer,
                   refusal: .roleMissing(event: "fund", actor: "u-officer", required: ["operations"])),
        RefusalRow(state: "approved", command: .fire("fund"), by: Staff.operations,
                   context: ["business_date": day("2026-04-01")],
                   refusal: .guardFalse(event: "fund", condition: "business_date < due_date")),
        RefusalRow(state: "approved", command: .fire("withdraw"), by: Staff.analyst,
                   refusal: .roleMissing(event: "withdraw", actor: "u-analyst", required: originators)),
        RefusalRow(state: "funded", command: .fire("overdue"), by: Staff.system,
                   refusal: .guardFalse(event: "overdue", condition: "business_date > due_date")),
        RefusalRow(state: "funded", command: .fire("overdue"), by: Staff.system,
                   context: ["business_date": day("2026-03-31")],
                   refusal: .guardFalse(event: "overdue", condition: "business_date > due_date")),
        RefusalRow(state: "funded", command: .fire("withdraw"), by: Staff.officer,
                   refusal: .notHandled(event: "withdraw", state: "funded")),
        RefusalRow(state: "repaid", command: .fire("repay"), by: Staff.system,
                   refusal: .notHandled(event: "repay", state: "repaid")),
    ]

    static let timers: [TimerRow] = [
        TimerRow(state: "submitted", event: "expire", afterSeconds: 7 * 86_400, to: "expired"),
        TimerRow(state: "approved", event: "expire", afterSeconds: 3 * 86_400, to: "expired"),
        TimerRow(state: "overdue", event: "dishonour", afterSeconds: 60 * 86_400, to: "dishonoured",
                 actions: ["invoice.recourse"]),
    ]

    @Test(arguments: transitions) func transition(_ row: TransitionRow) throws { try harness.check(row) }
    @Test(arguments: approvalsAboveLimit) func approval(_ row: TransitionRow) throws { try harness.check(row) }
    @Test(arguments: refusals) func refusal(_ row: RefusalRow) { harness.check(row) }
    @Test(arguments: timers) func timer(_ row: TimerRow) throws { try harness.check(row) }

    @Test func tablesCoverTheWorkflow() {
        harness.checkCoverage(transitions: Self.transitions, refusals: Self.refusals, timers: Self.timers)
    }
}
