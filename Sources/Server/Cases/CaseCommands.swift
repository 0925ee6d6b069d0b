import Catalog
import Identity
import LoanMath
import Servicing
import Workflow

/// The case commands: open a restructure, write-off or waiver case on a loan, fire an event, and
/// approve or decline a pending request. Each runs in the transaction of its idempotency key.
enum CaseCommands {
    /// `POST /api/v1/loans/{id}/restructures`: proposes new terms and submits them for assessment.
    static func proposeRestructure(_ call: APICall, _ session: BookSession, catalog: Catalog) throws -> StoredResponse {
        var body = try call.reader()
        let day = body.date("date"), rate = body.string("rate", maxLength: 16)
        let installments = body.integer("installments", in: 1...600), reason = body.string("reason", maxLength: 200)
        let parsedRate = rate.flatMap { Rate(parsing: $0) }
        if rate != nil, parsedRate == nil { body.refuse("rate", "must be a rate such as \"10.5%\"") }
        try body.finish()
        guard let day, let rate, let parsedRate, let installments, let reason else {
            throw Problem.invalid("body", "incomplete")
        }
        let state = try loan(session, call.loanID, on: day)
        _ = try servicing { () throws(ServicingError) in
            try LoanDecisions.restructure(state, on: day, annualRate: parsedRate, installments: installments, reason: reason)
        }
        let proposal: [(String, JSONValue)] = [
            ("installments", .int(installments)), ("rate", .string(rate)), ("reason", .string(reason)),
        ]
        return try open(.restructure, call, session, catalog, proposal, first: "submit", on: day)
    }

    /// `POST /api/v1/loans/{id}/write-offs`: recommends writing the loan off.
    static func recommendWriteOff(_ call: APICall, _ session: BookSession, catalog: Catalog) throws -> StoredResponse {
        var body = try call.reader()
        let day = body.date("date"), reason = body.string("reason", maxLength: 200)
        try body.finish()
        guard let day, let reason else { throw Problem.invalid("body", "incomplete") }
        let state = try loan(session, call.loanID, on: day)
        _ = try servicing { () throws(ServicingError) in try LoanDecisions.writeOff(state, on: day, reason: reason) }
        return try open(.writeOff, call, session, catalog, [("reason", .string(reason))], first: "recommend", on: day)
    }

    /// `POST /api/v1/loans/{id}/waivers`: requests a waiver of unpaid charges; a checker approves it.
    static func requestWaiver(_ call: APICall, _ session: BookSession, catalog: Catalog) throws -> StoredResponse {
        var body = try call.reader()
        let day = body.date("date"), amount = body.money("amount"), reason = body.string("reason", maxLength: 200)
        let kindText = body.string("kind", required: false, maxLength: 16)
        let installment = body.integer("installment", in: 0...10_000, required: false)
        let kind = kindText.flatMap(ChargeKind.init(rawValue:))
        if kindText != nil, kind == nil {
            body.refuse("kind", "must be one of " + ChargeKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        try body.finish()
        guard let day, let amount, let reason else { throw Problem.invalid("body", "incomplete") }
        let state = try loan(session, call.loanID, on: day)
        _ = try servicing { () throws(ServicingError) in
            try LoanDecisions.waive(state, amount: amount, kind: kind, installment: installment, on: day, reason: reason)
        }
        var proposal: [(String, JSONValue)] = [("amount", .string(amount.decimalString))]
        if let kind { proposal.append(("kind", .string(kind.rawValue))) }
        if let installment { proposal.append(("installment", .int(installment))) }
        proposal.append(("reason", .string(reason)))
        return try open(.waiver, call, session, catalog, proposal, first: "request", on: day)
    }

    static func open(_ kind: CaseKind, _ call: APICall, _ session: BookSession, _ catalog: Catalog,
                     _ proposal: [(String, JSONValue)], first: String, on day: LocalDate) throws -> StoredResponse {
        let driver = CaseDriver(session: session, catalog: catalog, bookKey: call.bookKey)
        let opened = try driver.open(kind, loanID: call.loanID, proposal: proposal, first: first, context: [:],
                                     by: try principal(call), on: day)
        return try respond(opened, driver, status: 201)
    }

    /// The loan's state, refusing an unknown loan (404) and a date before its disbursement (422).
    static func loan(_ session: BookSession, _ id: String, on day: LocalDate) throws -> LoanState {
        try LoanQueries.requireDisbursed(session, id, on: day, field: "date")
        let book = session.book
        guard let state = try servicing({ () throws(ServicingError) in try book.state(id) }) else {
            throw Problem.servicing(.loanNotFound(id))
        }
        return state
    }

    static func principal(_ call: APICall) throws -> Principal {
        guard let principal = call.principal else { throw Problem(.unauthorized, "unauthenticated") }
        return principal
    }

    /// The case as stored now, as the response body.
    static func respond(_ c: WorkflowCase, _ driver: CaseDriver, status: Int) throws -> StoredResponse {
        let final = (try? driver.workflow(c.workflow))?.state(c.instance.state)?.isFinal ?? false
        return StoredResponse(status: status, body: CaseView.full(c, final: final, history: try driver.store.history(c.id)).text)
    }
}
