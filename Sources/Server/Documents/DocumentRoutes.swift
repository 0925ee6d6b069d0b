import Catalog
import Documents
import Foundation
import Hummingbird
import Identity
import LoanMath
import Rules

/// `GET /api/v1/loans/{id}/documents/{name}`: a loan's NOC, statement, KFS and summary box as
/// HTML or PDF (`format` query, else the `Accept` header, else HTML), rendered from the catalog's
/// templates with the letterhead in `templates/lender.json`.
struct DocumentRoutes {
    let books: BookPool
    let registry: CatalogRegistry
    let pdfRenderer: any PDFRenderer

    init(books: BookPool, registry: CatalogRegistry, pdfRenderer: any PDFRenderer = WeasyPrintRenderer()) {
        self.books = books
        self.registry = registry
        self.pdfRenderer = pdfRenderer
    }

    static let format = queryParameter(
        "format", "html or pdf; overrides the Accept header", Schemas.enumeration(DocumentOutput.allCases.map(\.rawValue)))

    var routes: [APIRoute] {
        [
            route("noc", .loansRead, "The loan's No Objection Certificate (closed loans)", []) { documents, call in
                try documents.noc(call.loanID)
            },
            route(
                "statement", .statementsRead, "The loan's statement of account for a period",
                [
                    queryParameter("from", "first value date", Schemas.date, required: true),
                    queryParameter("to", "last value date", Schemas.date, required: true),
                ]
            ) { documents, call in
                guard let from = try call.date("from", required: true), let to = try call.date("to", required: true)
                else { throw Problem.invalid("from", "is required") }
                guard from <= to else { throw Problem.invalid("to", "must not be before from") }
                return try documents.statement(call.loanID, from: from, to: to)
            },
            route("kfs", .loansRead, "The Key Facts Statement of the loan's booked terms", []) { documents, call in
                try documents.bookedTerms(.keyFactsStatement, call.loanID)
            },
            route("summary-box", .loansRead, "The summary box of the loan's booked terms", []) { documents, call in
                try documents.bookedTerms(.summaryBox, call.loanID)
            },
        ]
    }

    /// One document's route: `data` builds its fields on a book session; the template renders them.
    private func route(
        _ name: String, _ permission: Permission, _ summary: String, _ parameters: [APIParameter],
        _ data: @escaping @Sendable (LoanDocuments, APICall) throws -> [String: Value]
    ) -> APIRoute {
        let books = books, registry = registry, renderer = pdfRenderer
        return APIRoute(
            method: .get, path: "/api/v1/loans/{id}/documents/\(name)", permission: permission, summary: summary,
            tag: "documents", parameters: [LoanReadRoutes.id] + parameters + [Self.format],
            responseSchema: Schemas.string, contentType: "text/html", alternateContentTypes: ["application/pdf"],
            extraProblems: [409, 503],
            handler: .plain { call in
                let output = try Self.output(call)
                let lender = try Self.lender(registry)
                let (fields, catalog) = try await books.withSession { session in
                    let version = (try? session.book.state(call.loanID))??.catalogVersion
                    let catalog = version.flatMap { registry.catalog(version: $0) } ?? registry.current
                    let documents = LoanDocuments(book: session.book, catalog: catalog, lender: lender)
                    do { return (try data(documents, call), catalog) } catch let error as LoanDocumentError {
                        throw Self.problem(error)
                    }
                }
                let body = try await Self.render(
                    DocumentRenderer(templates: catalog.templates, pdfRenderer: renderer), name, fields, output)
                var headers = HTTPFields()
                headers[.contentType] = output.contentType
                headers[.contentDisposition] = "inline; filename=\"\(name)-\(call.loanID).\(output.rawValue)\""
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
            })
    }

    /// `format` when given, else PDF when the `Accept` header prefers it to HTML, else HTML.
    static func output(_ call: APICall) throws -> DocumentOutput {
        if let text = call.query["format"] {
            guard let output = DocumentOutput(rawValue: text) else { throw Problem.invalid("format", "must be html or pdf") }
            return output
        }
        let accept = call.accept ?? ""
        let wantsPDF = accept.contains("application/pdf")
        let wantsHTML = accept.contains("text/html")
        guard wantsPDF, !wantsHTML || accept.range(of: "application/pdf")!.lowerBound < accept.range(of: "text/html")!.lowerBound
        else { return .html }
        return .pdf
    }

    static func lender(_ registry: CatalogRegistry) throws -> LenderProfile {
        do { return try LenderProfile.load(path: LenderProfile.path(inConfiguration: registry.directory)) } catch {
            throw Problem(
                .serviceUnavailable, "lender profile missing",
                detail: "documents need templates/lender.json in the configuration folder", cause: error.description)
        }
    }

    /// Renders off the cooperative pool: the PDF renderer is a child process.
    static func render(_ renderer: DocumentRenderer, _ name: String, _ fields: [String: Value], _ output: DocumentOutput)
        async throws -> Data
    {
        let outcome: Result<Data, DocumentError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: Result { () throws(DocumentError) -> Data in try renderer.render(name, fields, as: output) })
            }
        }
        switch outcome {
        case .success(let data): return data
        case .failure(let error): throw problem(.document(error))
        }
    }

    static func problem(_ error: LoanDocumentError) -> Problem {
        switch error {
        case .loanNotFound(let id): return Problem.servicing(.loanNotFound(id))
        case .servicing(let error): return Problem.servicing(error)
        case .notApplicable(let why): return Problem(.conflict, "document not applicable", detail: why)
        case .termsNotDerivable(let why): return Problem(.conflict, "terms not derivable", detail: why)
        case .document(let error):
            switch error.kind {
            case .rendererUnavailable:
                return Problem(.serviceUnavailable, "PDF renderer unavailable", detail: error.message)
            case .invalidData where error.location == nil:
                return Problem(.unprocessableContent, "document refused", detail: error.message)
            default:
                return Problem(.internalServerError, "document not rendered", cause: error.description)
            }
        }
    }
}
