import Catalog
import Hummingbird
import Identity

/// The maker-checker routes: charges, waivers, restructures and write-offs on a loan, and the
/// workflow cases they open. Every POST needs an `Idempotency-Key`.
struct CaseRoutes {
    let registry: CatalogRegistry
    let books: BookPool

    static let caseID = APIParameter(name: "id", place: .path, description: "case id", required: true)
    static let caseNote = "Beyond it, the caller must hold the request or approve permission of the case's "
        + "maker-checker pair (restructures, writeoffs, waivers) and a role the workflow's transition lists."

    var routes: [APIRoute] {
        let registry = registry, id = LoanReadRoutes.id
        func opening(_ path: String, _ permission: Permission, _ summary: String, _ schema: JSONValue,
                     _ run: @escaping @Sendable (APICall, BookSession, Catalog) throws -> StoredResponse) -> APIRoute {
            APIRoute(method: .post, path: path, permission: permission, summary: summary, tag: "maker-checker",
                     parameters: [id], requestSchema: schema, responseSchema: CaseSchemas.full, successStatus: .created,
                     handler: .command { call, session in try run(call, session, registry.current) })
        }
        return [
            APIRoute(
                method: .post, path: "/api/v1/loans/{id}/charges", permission: .chargesPost,
                summary: "Post a fee or charge (not penal) with its GST", tag: "maker-checker", parameters: [id],
                requestSchema: CaseSchemas.charge, responseSchema: LoanSchemas.outcome, successStatus: .created,
                handler: .command(ChargeCommands.post)),
            opening("/api/v1/loans/{id}/waivers", .waiversRequest, "Request a waiver of unpaid charges (a checker approves it)",
                    CaseSchemas.waiver, CaseCommands.requestWaiver),
            opening("/api/v1/loans/{id}/restructures", .restructuresRequest,
                    "Propose a restructuring and submit it for assessment", CaseSchemas.restructure,
                    CaseCommands.proposeRestructure),
            opening("/api/v1/loans/{id}/write-offs", .writeOffsRequest, "Recommend writing the loan off",
                    CaseSchemas.writeOff, CaseCommands.recommendWriteOff),
            APIRoute(
                method: .get, path: "/api/v1/loans/{id}/cases", permission: .loansRead,
                summary: "The loan's workflow cases, oldest first", tag: "maker-checker", parameters: [id],
                responseSchema: CaseSchemas.list, handler: .plain { [books] call in
                    Responses.json(try await books.withSession { try CaseQueries.list($0, registry.current, call.loanID) })
                }),
            APIRoute(
                method: .get, path: "/api/v1/cases/{id}", permission: .loansRead,
                summary: "A workflow case: state, proposal, pending approvals, history", tag: "maker-checker",
                parameters: [Self.caseID], responseSchema: CaseSchemas.full, handler: .plain { [books] call in
                    let caseID = call.parameter("id")
                    return Responses.json(try await books.withSession { try CaseQueries.show($0, registry.current, caseID) })
                }),
            APIRoute(
                method: .post, path: "/api/v1/cases/{id}/events", permission: .loansRead,
                summary: "Fire a workflow event on a case (submit, approve as maker, accept, reject, execute…)",
                tag: "maker-checker", note: Self.caseNote, parameters: [Self.caseID], requestSchema: CaseSchemas.event,
                responseSchema: CaseSchemas.full,
                handler: .command { call, session in try CaseCommands.fire(call, session, catalog: registry.current) }),
            APIRoute(
                method: .post, path: "/api/v1/cases/{id}/approvals", permission: .loansRead,
                summary: "Approve or decline the request pending for an event (never the maker's own)",
                tag: "maker-checker", note: Self.caseNote + " Approving needs the pair's approve permission.",
                parameters: [Self.caseID], requestSchema: CaseSchemas.decision, responseSchema: CaseSchemas.full,
                handler: .command { call, session in try CaseCommands.decide(call, session, catalog: registry.current) }),
        ]
    }
}

/// Reading cases.
enum CaseQueries {
    static func list(_ session: BookSession, _ catalog: Catalog, _ loanID: String) throws -> JSONValue {
        guard try session.store.lastSequence(loanID: loanID) > 0 else { throw Problem.servicing(.loanNotFound(loanID)) }
        let cases = try WorkflowCaseStore(connection: session.connection).cases(subjectKind: "loan", subjectID: loanID)
        return .object([
            ("loan_id", .string(loanID)),
            ("cases", .array(cases.map { CaseView.summary($0, final: isFinal($0, catalog)) })),
        ])
    }

    static func show(_ session: BookSession, _ catalog: Catalog, _ caseID: String) throws -> JSONValue {
        let store = WorkflowCaseStore(connection: session.connection)
        guard let found = try store.load(caseID) else {
            throw Problem(.notFound, "no such case", detail: "case \(caseID) does not exist",
                          errors: [FieldError("id", "no such case")])
        }
        return CaseView.full(found, final: isFinal(found, catalog), history: try store.history(caseID))
    }

    static func isFinal(_ c: WorkflowCase, _ catalog: Catalog) -> Bool {
        catalog.workflows[c.workflow]?.state(c.instance.state)?.isFinal ?? false
    }
}
