import Catalog
import Hummingbird
import Identity

/// The origination routes under `/api/v1/applications`. Every POST needs an `Idempotency-Key`.
/// Beyond each route's permission, the workflow's `roles:` decide who may take which step.
struct ApplicationRoutes {
    let registry: CatalogRegistry
    let books: BookPool
    let services: ApplicationServices

    static let id = APIParameter(name: "id", place: .path, description: "application id", required: true)
    static let roleNote = "Beyond it, the caller must hold a role the workflow's transition lists "
        + "(workflows/retail-origination.yaml), and a maker may not check their own request."

    typealias Command = @Sendable (APICall, BookSession, Catalog, ApplicationServices) throws -> StoredResponse

    var routes: [APIRoute] {
        let registry = registry, services = services, books = books
        func post(_ path: String, _ permission: Permission, _ summary: String, _ schema: JSONValue,
                  status: HTTPResponse.Status = .ok, response: JSONValue = ApplicationSchemas.full, note: String? = nil,
                  _ run: @escaping Command) -> APIRoute {
            APIRoute(method: .post, path: "/api/v1/applications" + path, permission: permission, summary: summary,
                     tag: "origination", note: note, parameters: path.contains("{id}") ? [Self.id] : [],
                     requestSchema: schema, responseSchema: response, successStatus: status,
                     handler: .command { call, session in try run(call, session, registry.current, services) })
        }
        let dated = ApplicationSchemas.dated
        return [
            post("", .loansBook, "Create an application for a product: amount, tenure, applicant, co-applicants, guarantors",
                 ApplicationSchemas.create, status: .created, ApplicationCommands.create),
            APIRoute(
                method: .get, path: "/api/v1/applications", permission: .loansRead,
                summary: "The pipeline: applications by state, counts per state, turnaround per stage",
                tag: "origination",
                parameters: [
                    queryParameter("state", "only applications in this state", Schemas.string(maxLength: 64)),
                    queryParameter("asOf", "count days in state up to this date", Schemas.date),
                    queryParameter("limit", "at most this many, 1–\(ApplicationPipeline.maxLimit)",
                                   Schemas.integer(1...ApplicationPipeline.maxLimit)),
                ],
                responseSchema: ApplicationSchemas.pipeline,
                handler: .plain { call in
                    let state = try call.text("state"), asOf = try call.date("asOf", required: false)
                    let limit = try call.integer("limit", in: 1...ApplicationPipeline.maxLimit, default: 100)
                    return Responses.json(try await books.withSession {
                        try ApplicationPipeline.list($0, state: state, asOf: asOf, limit: limit)
                    })
                }),
            APIRoute(
                method: .get, path: "/api/v1/applications/{id}", permission: .loansRead,
                summary: "An application: state, parties, KYC, bureau, decision with reasons and trace, sanction, KFS, history",
                tag: "origination", parameters: [Self.id], responseSchema: ApplicationSchemas.full,
                handler: .plain { call in
                    let id = call.parameter("id")
                    return Responses.json(try await books.withSession { try ApplicationQueries.show($0, registry.current, id) })
                }),
            post("/{id}/documents", .loansBook, "Attach a document against the product's checklist (base64 content)",
                 ApplicationSchemas.document, status: .created, response: ApplicationSchemas.documentView,
                 ApplicationCommands.attach),
            APIRoute(
                method: .get, path: "/api/v1/applications/{id}/documents", permission: .loansRead,
                summary: "The application's documents: checklist item, type, size, SHA-256", tag: "origination",
                parameters: [Self.id], handler: .plain { call in
                    let id = call.parameter("id")
                    return Responses.json(try await books.withSession { try ApplicationQueries.documents($0, id) })
                }),
            post("/{id}/submit", .loansBook, "Submit: KYC, bureau pull and underwriting by the product's policy", dated,
                 note: Self.roleNote, ApplicationCommands.submit),
            post("/{id}/decisions", .loansRead, "Approve or reject a referred application (credit analyst or manager)",
                 ApplicationSchemas.decision, note: Self.roleNote, ApplicationCommands.decide),
            post("/{id}/approvals", .loansRead, "A checker approves or declines the request pending for an event",
                 ApplicationSchemas.approval, note: Self.roleNote, ApplicationCommands.approve),
            post("/{id}/accept-kfs", .loansBook, "Record the borrower's acceptance of the KFS within its validity",
                 ApplicationSchemas.acceptance, ApplicationCommands.acceptKFS),
            post("/{id}/reissue-kfs", .loansBook, "Issue a new KFS (new proposal number and validity)", dated,
                 ApplicationCommands.reissueKFS),
            post("/{id}/disburse", .loansRead, "Request the disbursement; a checker's approval pays and books the loan",
                 dated, note: Self.roleNote, ApplicationCommands.disburse),
            post("/{id}/withdraw", .loansBook, "Withdraw the application", ApplicationSchemas.withdrawal,
                 note: Self.roleNote, ApplicationCommands.withdraw),
            post("/{id}/retry", .loansBook, "Run the integration step the application waits for again", dated,
                 ApplicationCommands.retry),
            post("/timers", .eodRun, "Fire the workflow timers due by a date (drafts lapse, referrals escalate, "
                    + "sanctions expire)", dated, response: Schemas.anyObject, ApplicationCommands.fireTimers),
        ]
    }
}

/// Reading applications.
enum ApplicationQueries {
    static func show(_ session: BookSession, _ catalog: Catalog, _ id: String) throws -> JSONValue {
        let store = ApplicationStore(connection: session.connection)
        guard var found = try store.load(id) else {
            throw Problem(.notFound, "no such application", detail: "application \(id) does not exist",
                          errors: [FieldError("id", "no such application")])
        }
        if found.underwriting != nil { found.underwriting?.trace = try store.trace(id) }
        let final = catalog.product(found.product).flatMap { catalog.workflows[$0.references.workflow?.value ?? ""] }?
            .state(found.state)?.isFinal ?? false
        return ApplicationView.full(found, final: final, history: try store.history(id))
    }

    static func documents(_ session: BookSession, _ id: String) throws -> JSONValue {
        let store = ApplicationStore(connection: session.connection)
        guard try store.load(id) != nil else {
            throw Problem(.notFound, "no such application", detail: "application \(id) does not exist",
                          errors: [FieldError("id", "no such application")])
        }
        return .object([("application_id", .string(id)),
                        ("documents", .array(try store.documents(id).map(ApplicationView.document)))])
    }
}
