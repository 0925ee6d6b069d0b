import Catalog
import Crypto
import Foundation
import Identity
import LoanMath
import Origination
import Workflow

/// The application commands, each in the transaction of its idempotency key: create, attach a
/// document, and (in `+Events`) the workflow's steps. Any refusal throws a `Problem`: nothing is written.
enum ApplicationCommands {
    static let employmentTypes = ["salaried", "self_employed"]

    /// `POST /api/v1/applications`: an application for a product, amount and tenure within its
    /// limits, with the applicant and any co-applicants and guarantors; opens it in the workflow's
    /// initial state (draft).
    static func create(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        var body = try call.reader()
        let givenID = body.string("application_id", required: false, maxLength: 40)
        let productID = body.string("product", maxLength: 64), amount = body.money("amount")
        let tenure = body.integer("tenure", in: 1...600), day = body.date("date")
        let employment = body.string("employment_type", maxLength: 32)
        let months = body.integer("months_in_job", in: 0...1_200), income = body.money("monthly_income")
        if let employment, !employmentTypes.contains(employment) {
            body.refuse("employment_type", "must be one of " + employmentTypes.joined(separator: ", "))
        }
        if let givenID, !givenID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            body.refuse("application_id", "must be letters, digits and `-`")
        }
        let product = productID.flatMap { catalog.product($0) }
        if let productID, product == nil { body.refuse("product", "no product `\(productID)`") }
        var partyErrors: [FieldError] = []
        var details: [(PartyDetails, String)] = []
        for (field, role) in [("applicant", "applicant"), ("co_applicants", "co-applicant"), ("guarantors", "guarantor")] {
            body.known.insert(field)
            guard field != "applicant" else {
                if let d = day.flatMap({ PartyBody.read(body.object[field], path: field, on: $0, into: &partyErrors) }) {
                    details.append((d, role))
                }
                continue
            }
            guard let raw = body.object[field], !(raw is NSNull) else { continue }
            guard let list = raw as? [Any], list.count <= 4 else {
                partyErrors.append(FieldError(field, "must be a list of at most 4 parties"))
                continue
            }
            for (n, item) in list.enumerated() {
                if let d = day.flatMap({ PartyBody.read(item, path: "\(field)[\(n)]", on: $0, into: &partyErrors) }) {
                    details.append((d, role))
                }
            }
        }
        if details.first?.0.pan == nil, partyErrors.isEmpty, day != nil {
            partyErrors.append(FieldError("applicant.pan", "is required for KYC and the bureau"))
        }
        for error in partyErrors { body.refuse(error.field, error.detail) }
        try body.finish()
        guard let productID, let product, let amount, let tenure, let day, let employment, let months, let income else {
            throw Problem.invalid("body", "incomplete")
        }
        _ = try ApplicationTerms.schedule(product, amount: amount, tenure: tenure, on: day)
        let id = givenID ?? "APP-" + String(hex(call.bookKey).prefix(16)).uppercased()
        let driver = try ApplicationDriver(session: session, catalog: catalog, services: services)
        guard try driver.store.load(id) == nil else {
            throw Problem(.conflict, "application exists", detail: "application \(id) exists",
                          errors: [FieldError("application_id", "is in use")])
        }
        var parties: [ApplicationParty] = []
        for (n, (party, role)) in details.enumerated() {
            parties.append(ApplicationParty(partyID: try partyID(party, n: n, applicationID: id, driver, on: day), role: role))
        }
        let workflow = try driver.workflow(product)
        let started = workflow.start(at: ApplicationDriver.instant(day))
        var record = ApplicationRecord(
            id: id, product: productID, amount: amount.decimalString, tenure: tenure, parties: parties,
            facts: ApplicantFacts(employmentType: employment, monthsInJob: months, monthlyIncome: income.decimalString),
            instance: started.instance, catalogVersion: catalog.version.hash, createdBy: try principal(call).id,
            createdOn: day.iso, stateSince: day.iso, lastSequence: 0)
        try driver.record(&record, command: "open", event: "", actor: record.createdBy, on: day, from: "",
                          outcome: CaseDriver.describe(started.change))
        try driver.store.insert(record)
        try driver.notify(record, template: "application-received", messageID: "\(id)-received", values: [:], on: day)
        return try respond(record, driver, status: 201)
    }

    /// The party's id: the existing party with the same PAN, or a new party.
    static func partyID(_ details: PartyDetails, n: Int, applicationID: String, _ driver: ApplicationDriver,
                        on day: LocalDate) throws -> String {
        do {
            if let pan = details.pan, let existing = try driver.parties.party(withPAN: pan) { return existing.id }
            let id = "P-" + String(hex("\(applicationID)|\(n)").prefix(16)).uppercased()
            return try driver.parties.create(details, id: id, on: day).id
        } catch {
            throw Problem(.conflict, "party not stored", detail: "\(error)")
        }
    }

    /// `POST /api/v1/applications/{id}/documents`: a document against a checklist item, its bytes
    /// base64 in `content`; the storage keeps the bytes under their SHA-256, the row their facts.
    static func attach(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        var body = try call.reader()
        let item = body.string("item", maxLength: 64), media = body.string("media_type", maxLength: 64)
        let content = body.string("content", maxLength: 8_000_000), day = body.date("date")
        if let media, !["application/pdf", "image/jpeg", "image/png"].contains(media) {
            body.refuse("media_type", "must be application/pdf, image/jpeg or image/png")
        }
        let bytes = content.flatMap { Data(base64Encoded: $0) }.map { Array($0) }
        if content != nil, bytes?.isEmpty ?? true { body.refuse("content", "must be the document's bytes in base64") }
        try body.finish()
        guard let item, let media, let bytes, let day else { throw Problem.invalid("body", "incomplete") }
        let driver = try ApplicationDriver(session: session, catalog: catalog, services: services)
        var record = try locate(call, driver)
        try requireOpen(record, driver)
        let checklist = services.checklist(for: catalog.products[record.product])
        guard checklist.items.contains(item) else {
            throw Problem.invalid("item", "must be one of the \(record.product) checklist: " + checklist.items.joined(separator: ", "))
        }
        let existing = try driver.store.documents(record.id)
        let sha = ApplicationDocument.digest(bytes)
        do { try services.storage.put(bytes, key: sha) } catch {
            throw Problem(.serviceUnavailable, "document storage failed", detail: "retry shortly", cause: "\(error)")
        }
        let document = ApplicationDocument(
            documentID: "D-" + Hex.padded(existing.count + 1, width: 3), checklistItem: item, mediaType: media,
            sizeBytes: Int64(bytes.count), sha256: sha, storageKey: sha, uploadedBy: try principal(call).id,
            uploadedOn: day.iso)
        try driver.store.insert(document: document, applicationID: record.id)
        try driver.record(&record, command: "document", event: item, actor: document.uploadedBy, on: day,
                          from: record.state, outcome: "attached \(document.documentID)")
        try driver.store.update(record)
        return StoredResponse(status: 201, body: ApplicationView.document(document).text)
    }

    /// The application of the path, locked for this transaction (404 when there is none).
    static func locate(_ call: APICall, _ driver: ApplicationDriver) throws -> ApplicationRecord {
        let id = call.parameter("id")
        guard let found = try driver.store.load(id, forUpdate: true) else {
            throw Problem(.notFound, "no such application", detail: "application \(id) does not exist",
                          errors: [FieldError("id", "no such application")])
        }
        return found
    }

    /// Refuses (409) an application in a final state.
    static func requireOpen(_ a: ApplicationRecord, _ driver: ApplicationDriver) throws {
        if try driver.workflow(try driver.product(a.product)).state(a.state)?.isFinal ?? true {
            throw Problem(.conflict, "application closed", detail: "application \(a.id) is \(a.state)",
                          errors: [FieldError("id", "is \(a.state)")])
        }
    }

    static func principal(_ call: APICall) throws -> Principal {
        guard let principal = call.principal else { throw Problem(.unauthorized, "unauthenticated") }
        return principal
    }

    static func actor(_ call: APICall) throws -> WorkflowActor {
        let principal = try principal(call)
        return WorkflowActor(id: principal.id, roles: Set(principal.roles))
    }

    static func respond(_ a: ApplicationRecord, _ driver: ApplicationDriver, status: Int) throws -> StoredResponse {
        let final = (try? driver.workflow(try driver.product(a.product)))?.state(a.state)?.isFinal ?? false
        let view = ApplicationView.full(a, final: final, history: nil, trace: false)
        return StoredResponse(status: status, body: view.text)
    }

    static func hex(_ text: String) -> String { Hex.string(SHA256.hash(data: Array(text.utf8))) }
}
