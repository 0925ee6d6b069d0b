import Catalog
import LoanMath
import Workflow

extension ApplicationCommands {
    /// The common shape of a workflow command: read `date` (and what `read` takes), lock the
    /// application, run `body`, answer with the application as stored.
    static func step(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices,
                     read: (inout BodyReader) -> Void = { _ in },
                     _ body: (ApplicationDriver, inout ApplicationRecord, LocalDate) throws -> Void) throws
        -> StoredResponse {
        var reader = try call.reader()
        let day = reader.date("date")
        read(&reader)
        try reader.finish()
        guard let day else { throw Problem.invalid("date", "is required") }
        let driver = try ApplicationDriver(session: session, catalog: catalog, services: services)
        var record = try locate(call, driver)
        if let last = record.lastStepOn, day.iso < last {
            throw Problem.invalid("date", "must not be before the application's last step (\(last))")
        }
        try body(driver, &record, day)
        try driver.store.update(record)
        return try respond(record, driver, status: 200)
    }

    /// `POST …/submit`: the checklist's required documents must be attached; KYC, the bureau pull and
    /// underwriting follow at once, as far as they go without a person.
    static func submit(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        try step(call, session, catalog, services) { driver, a, day in
            let attached = Set(try driver.store.documents(a.id).map(\.checklistItem))
            let required = services.checklist(for: catalog.products[a.product]).required
            let missing = required.filter { !attached.contains($0) }
            guard missing.isEmpty else {
                throw Problem(.unprocessableContent, "documents missing",
                              detail: "application \(a.id) needs " + missing.joined(separator: ", "),
                              errors: missing.map { FieldError("documents.\($0)", "is required before submission") })
            }
            try driver.send(.fire("submit"), to: &a, by: try actor(call), on: day)
        }
    }

    /// `POST …/decisions`: a credit analyst or manager approves or rejects a referred application;
    /// above the workflow's amount, or at a `rate` other than the pricing table's, a checker must
    /// approve too.
    static func decide(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        var decision: String?, note: String?, rate: Rate?
        return try step(call, session, catalog, services, read: { body in
            decision = body.string("decision", maxLength: 16)
            note = body.string("note", required: false, maxLength: 500)
            if let d = decision, !["approve", "reject"].contains(d) { body.refuse("decision", "must be approve or reject") }
            if let text = body.string("rate", required: false, maxLength: 16) {
                rate = Rate(parsing: text)
                if rate == nil { body.refuse("rate", "must be a rate such as \"12.5%\"") }
                if decision == "reject" { body.refuse("rate", "only an approval sets a rate") }
            }
        }) { driver, a, day in
            if let rate {
                guard let product = catalog.products[a.product] else { throw Problem(.conflict, "product not configured") }
                let limits = product.limits.rate
                guard limits.min.value <= rate, rate <= limits.max.value else {
                    throw Problem(.unprocessableContent, "rate outside the product's limits",
                                  detail: "\(a.product) lends at \(limits.min.value.percentString) to "
                                      + "\(limits.max.value.percentString)",
                                  errors: [FieldError("rate", "must be within the product's limits")])
                }
                a.underwriting?.rateOverride = rate.percentString
            }
            guard a.state.hasPrefix("manual-review") else {
                throw Problem(.conflict, "not referred", detail: "application \(a.id) is \(a.state); only referred "
                                  + "applications are decided by staff", errors: [FieldError("decision", "not possible now")])
            }
            let actor = try actor(call)
            try driver.send(.fire(decision ?? ""), to: &a, by: actor, on: day)
            a.underwriting?.manualDecision = [decision, note].compactMap { $0 }.joined(separator: ": ")
            a.underwriting?.decidedBy = actor.id
        }
    }

    /// `POST …/approvals`: a checker approves (or declines) the request pending for an event.
    static func approve(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        var event: String?, decision: String?
        return try step(call, session, catalog, services, read: { body in
            event = body.string("event", maxLength: 64)
            decision = body.string("decision", maxLength: 16)
            if let d = decision, !["approve", "decline"].contains(d) { body.refuse("decision", "must be approve or decline") }
        }) { driver, a, day in
            let event = event ?? ""
            try driver.send(decision == "approve" ? .approve(event) : .decline(event), to: &a, by: try actor(call), on: day)
        }
    }

    /// `POST …/accept-kfs`: the borrower accepts the KFS by its proposal number, within its validity.
    static func acceptKFS(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        var proposal: String?
        return try step(call, session, catalog, services, read: { proposal = $0.string("proposal_number", maxLength: 80) }) {
            driver, a, day in
            guard let kfs = a.kfs, a.state == "sanctioned" else {
                throw Problem(.conflict, "no KFS to accept", detail: "application \(a.id) is \(a.state)",
                              errors: [FieldError("proposal_number", "no KFS is open for acceptance")])
            }
            guard kfs.proposalNumber == proposal else {
                throw Problem(.conflict, "KFS superseded", detail: "the KFS in force is \(kfs.proposalNumber)",
                              errors: [FieldError("proposal_number", "is not the KFS in force")])
            }
            guard kfs.eSignReference != nil else {
                throw Problem(.conflict, "KFS not sent for e-sign",
                              detail: "application \(a.id) waits for: \(a.pending ?? "e-sign"); retry first",
                              errors: [FieldError("proposal_number", "has not been sent for e-sign")])
            }
            guard day.iso <= kfs.validUntil else {
                throw Problem(.conflict, "KFS expired",
                              detail: "KFS \(kfs.proposalNumber) was valid until \(kfs.validUntil): re-issue it",
                              errors: [FieldError("date", "is after the KFS's validity")])
            }
            a.kfs?.acceptedOn = day.iso
            try driver.send(.fire("accept-kfs"), to: &a, by: try actor(call), on: day)
        }
    }

    /// `POST …/reissue-kfs`: a new KFS (new proposal number and validity) on the sanctioned terms.
    static func reissueKFS(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        try step(call, session, catalog, services) { driver, a, day in
            guard a.state == "sanctioned", a.kfs != nil else {
                throw Problem(.conflict, "no KFS to re-issue", detail: "application \(a.id) is \(a.state)",
                              errors: [FieldError("id", "is not sanctioned")])
            }
            let previous = a.kfs?.proposalNumber ?? ""
            driver.issueKFS(&a, try driver.product(a.product), on: day)
            try driver.record(&a, command: "reissue-kfs", event: "", actor: try principal(call).id, on: day,
                              from: a.state, outcome: "KFS \(previous) replaced by \(a.kfs?.proposalNumber ?? "")")
            try driver.perform([WorkflowAction("esign.request", "kfs")], &a, on: day)
        }
    }

    /// `POST …/disburse`: operations asks for the disbursement; a checker's approval pays and books.
    static func disburse(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        try step(call, session, catalog, services) { driver, a, day in
            guard a.state != "disbursement" || a.mandateReference != nil else {
                throw Problem(.conflict, "no mandate", detail: "application \(a.id) waits for: "
                                  + "\(a.pending ?? "the NACH mandate"); retry first",
                              errors: [FieldError("id", "has no registered mandate")])
            }
            try driver.send(.fire("disburse"), to: &a, by: try actor(call), on: day)
        }
    }

    /// `POST …/withdraw`: the applicant withdraws.
    static func withdraw(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        var reason: String?
        return try step(call, session, catalog, services, read: { reason = $0.string("reason", maxLength: 200) }) {
            driver, a, day in
            a.withdrawalReason = reason
            try driver.send(.fire("withdraw"), to: &a, by: try actor(call), on: day)
        }
    }

    /// `POST …/retry`: runs the integration step the application waits for again.
    static func retry(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        try step(call, session, catalog, services) { driver, a, day in try driver.retry(&a, on: day) }
    }
}
