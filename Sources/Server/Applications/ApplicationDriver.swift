import Catalog
import Foundation
import Identity
import LoanMath
import Origination
import Rules
import Workflow

/// Drives applications through their product's origination workflow on one session, inside the
/// request's transaction: sends a command to the compiled workflow (pure), performs the actions of
/// the step it takes, fires the events the system decides itself (KYC complete, the policy's
/// decision) and stores the application with its history. A workflow refusal or a failed
/// money-moving action throws a `Problem` and nothing is written; a failed integration call leaves
/// the application in the state it reached with `pending` saying what it waits for.
struct ApplicationDriver {
    let session: BookSession
    let catalog: Catalog
    let services: ApplicationServices
    let parties: SQLPartyStore
    /// The applicant's SMS, queued in the outbox on the same connection.
    let notifier: OutboxNotifier
    /// Parties opened during this command (opening one decrypts its fields).
    let opened = OpenedParties()

    init(session: BookSession, catalog: Catalog, services: ApplicationServices) throws {
        self.session = session
        self.catalog = catalog
        self.services = services
        let database = try PartyDatabase(session.connection)
        parties = SQLPartyStore(database, keyring: services.keyring)
        notifier = OutboxNotifier(database: database, keyring: services.keyring) { _ in }
    }

    var store: ApplicationStore { ApplicationStore(connection: session.connection) }

    /// The product of `a`, or 409 when the catalog in force no longer has it.
    func product(_ id: String) throws(Problem) -> ProductDefinition {
        guard let product = catalog.product(id) else {
            throw Problem(.conflict, "product not configured", detail: "the catalog has no product `\(id)`")
        }
        return product
    }

    /// The origination workflow the product names.
    func workflow(_ product: ProductDefinition) throws(Problem) -> CompiledWorkflow {
        let name = product.references.workflow?.value ?? "retail-origination"
        guard let workflow = catalog.workflows[name] else {
            throw Problem(.conflict, "workflow not configured", detail: "the catalog has no workflow `\(name)`")
        }
        return workflow
    }

    /// Sends `command` by `actor` on `date`; on a step performs its actions and lets the system
    /// take the events it decides. The caller stores the application (once, at the command's end).
    func send(_ command: WorkflowCommand, to a: inout ApplicationRecord, by actor: WorkflowActor,
              on date: LocalDate) throws {
        let workflow = try workflow(try product(a.product))
        let outcome = workflow.apply(command, to: a.instance, by: actor, context: context(a),
                                     at: ApplicationDriver.instant(date))
        guard let step = outcome.step else { throw Self.problem(outcome.refusal!, a.id) }
        let from = a.state
        a.instance = step.instance
        if from != a.state { a.stateSince = date.iso }
        try record(&a, command: CaseDriver.name(command), event: CaseDriver.event(command), actor: actor.id,
                   on: date, from: from, outcome: CaseDriver.describe(step.change))
        if case .moved = step.change { try perform(step.actions, &a, on: date) }
        if a.pending == nil, let event = automaticEvent(a) { try send(.fire(event), to: &a, by: .system, on: date) }
    }

    /// Runs the current state's entry actions again (those not yet done), then the events they decide.
    func retry(_ a: inout ApplicationRecord, on date: LocalDate) throws {
        let workflow = try workflow(try product(a.product))
        guard let state = workflow.state(a.state), a.pending != nil else {
            throw Problem(.conflict, "nothing to retry", detail: "application \(a.id) waits for no integration",
                          errors: [FieldError("id", "no pending step")])
        }
        try record(&a, command: "retry", event: "", actor: "system", on: date, from: a.state, outcome: "retried")
        try perform(state.entryActions, &a, on: date)
        if a.pending == nil, let event = automaticEvent(a) { try send(.fire(event), to: &a, by: .system, on: date) }
    }

    /// The event the system fires itself once a state's checks are done.
    func automaticEvent(_ a: ApplicationRecord) -> String? {
        switch a.state {
        case "kyc": a.kyc.map { $0.passed ? "kyc-complete" : "reject" }
        case "underwriting": a.underwriting?.outcome
        default: nil
        }
    }

    /// What the workflow's guards read: `amount`, `kyc_passed`, `decision` and `rate_override`.
    func context(_ a: ApplicationRecord) -> [String: Value] {
        let override = a.underwriting?.rateOverride
        var values: [String: Value] = [
            "amount": Value(Money(parsing: a.sanction?.amount ?? a.amount) ?? .zero()),
            "kyc_passed": .bool(a.kyc?.passed ?? false),
            "rate_override": .bool(override != nil && override != a.underwriting?.interestRate),
        ]
        if let outcome = a.underwriting?.outcome { values["decision"] = .string(outcome) }
        return values
    }

    /// Appends a history entry.
    func record(_ a: inout ApplicationRecord, command: String, event: String, actor: String, on date: LocalDate,
                from: String, outcome: String) throws {
        a.lastSequence += 1
        a.lastStepOn = date.iso
        try store.append(a.id, ApplicationStep(
            sequence: a.lastSequence, command: command, event: event, actorID: actor, businessDate: date,
            fromState: from, toState: a.state, outcome: outcome))
    }

    /// The workflow's midnight (UTC) of a business date: timers count from business dates.
    static func instant(_ date: LocalDate) -> Instant { CaseDriver.instant(date) }

    static func problem(_ refusal: WorkflowRefusal, _ id: String) -> Problem {
        var problem = CaseDriver.problem(refusal, caseID: id)
        problem.detail = "application \(id): \(refusal.description)"
        return problem
    }
}
