import Hummingbird
import Identity

/// A query or path parameter a route declares (for validation and the OpenAPI document).
struct APIParameter: Sendable {
    enum Place: String, Sendable { case path, query }
    let name: String
    let place: Place
    let description: String
    var schema: JSONValue = Schemas.string
    var required: Bool = false
}

/// One row of the route table: what the OpenAPI document says about the route and what runs it.
/// The same table registers the routes and writes `/openapi.json`, so the two cannot drift.
struct APIRoute: Sendable {
    /// How the route does its work.
    enum Handler: Sendable {
        /// Answers from the call alone (reads; the handler checks a session out itself).
        case plain(@Sendable (APICall) async throws -> Response)
        /// A money-moving command: needs `Idempotency-Key`; runs in one transaction with the key's
        /// record on a checked-out session; throws `Problem` to refuse (nothing written).
        case command(@Sendable (APICall, BookSession) throws -> StoredResponse)
    }

    let method: HTTPRequest.Method
    /// OpenAPI form, `/api/v1/loans/{id}`.
    let path: String
    /// What the caller needs; nil for the exempt routes (/health, /openapi.json, /metrics).
    let permission: Permission?
    let summary: String
    var tag = "servicing"
    /// What the description adds after the permission (e.g. the checks the handler makes beyond it).
    var note: String? = nil
    var parameters: [APIParameter] = []
    var requestSchema: JSONValue? = nil
    var responseSchema: JSONValue = Schemas.anyObject
    var successStatus: HTTPResponse.Status = .ok
    /// The media type of a successful response.
    var contentType = "application/json"
    /// Other media types a successful response may take (a document as `application/pdf`).
    var alternateContentTypes: [String] = []
    /// Problem statuses the route answers beyond those its shape implies (401 from sign-in, 409
    /// from a document that does not apply yet).
    var extraProblems: [Int] = []
    let handler: Handler

    /// The Hummingbird form of the path, `/api/v1/loans/:id`.
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    var needsIdempotencyKey: Bool {
        if case .command = handler { return true }
        return false
    }
}
