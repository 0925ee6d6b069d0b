import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Identity
import Ledger

extension APIPipeline {
    /// Runs a money-moving command once per (principal, Idempotency-Key): the command and the key's
    /// record commit in one transaction; the same key and body replay the first response byte for
    /// byte; the same key with another body or route is refused with 409.
    func execute(
        _ command: @escaping @Sendable (APICall, BookSession) throws -> StoredResponse, _ call: APICall,
        route: APIRoute, request: Request
    ) async throws -> Response {
        guard let books else { throw Problem(.serviceUnavailable, "no loan book is configured") }
        let bodyBytes = call.body.map { Array($0.readableBytesView) } ?? []
        let hash = SHA256.hash(data: bodyBytes).map { String(format: "%02x", $0) }.joined()
        let method = route.method.rawValue, path = request.uri.path
        let before = AuditBefore()
        let (stored, replayed) = try await books.withSession { session in
            try Self.once(session, call: call, method: method, path: path, hash: hash, command: command,
                          before: route.path.hasPrefix("/api/v1/loans/{id}") ? before : nil)
        }
        var response = Responses.body(
            stored.body, status: HTTPResponse.Status(code: stored.status),
            contentType: "application/json")
        if replayed { response.headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }
        if !replayed, let audit, let principal = call.principal {
            do {
                _ = try audit.record(
                    principal: principal, credentials: Credentials(remoteAddress: call.remoteAddress),
                    method: route.method, route: route.path, resourceID: call.parameters["id"],
                    before: before.text(requestHash: hash), after: stored.body,
                    status: HTTPResponse.Status(code: stored.status))
            } catch {
                // The command is committed; a missing audit row must be seen at once.
                logger.critical("audit log append failed", metadata: ["route": "\(route.path)", "error": "\(error)"])
            }
        }
        logger.info(
            replayed ? "replayed" : "executed",
            metadata: [
                "route": "\(method) \(route.path)", "status": "\(stored.status)",
                "principal": "\(call.principalID)", "loan": "\(call.parameters["id"] ?? "-")",
            ])
        return response
    }

    static func once(
        _ session: BookSession, call: APICall, method: String, path: String, hash: String,
        command: (APICall, BookSession) throws -> StoredResponse, before: AuditBefore? = nil
    ) throws -> (StoredResponse, Bool) {
        let connection = session.connection
        let (principal, key) = (call.principalID, call.idempotencyKey ?? "")
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try connection.transaction {
                    switch try IdempotencyRecords.lookup(
                        connection, principal: principal, key: key, method: method,
                        path: path, requestHash: hash)
                    {
                    case .replay(let stored): return (stored, true)
                    case .conflict:
                        throw Problem(
                            .conflict, "idempotency key reused",
                            detail: "this Idempotency-Key was used with a different request",
                            errors: [FieldError("Idempotency-Key", "was used with a different request")])
                    case .unused: break
                    }
                    before?.capture(session, loanID: call.parameters["id"])
                    let stored = try command(call, session)
                    try IdempotencyRecords.record(
                        connection, principal: principal, key: key, method: method, path: path,
                        requestHash: hash, response: stored)
                    return (stored, false)
                }
            } catch  where attempt == 1 && connection.isUniqueViolation(error) {
                // Another request with the same key committed first: answer as it did.
                session.resetBook()
                continue
            } catch {
                // Rolled back: the book's cache may hold states that were never committed.
                session.resetBook()
                throw error
            }
        }
    }
}
