import Crypto
import Foundation
import Hummingbird
import Identity

/// What a route handler gets once the request is authorized, admitted and read: the path and
/// query parameters it declared, the body, and who is acting.
struct APICall: Sendable {
    let parameters: [String: String]
    let query: [String: String]
    let body: ByteBuffer?
    let principal: Principal?
    let idempotencyKey: String?
    /// The peer's address, for sign-in lock-out and the audit log; never used to grant anything.
    var remoteAddress: String? = nil
    /// The request's `Accept` header, for routes that answer in more than one media type.
    var accept: String? = nil

    /// A path parameter the route declares.
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The principal's id, for scoping idempotency keys (`anonymous` never occurs on routes that
    /// need a permission).
    var principalID: String { principal?.id ?? "anonymous" }

    /// The command's idempotency key in the loan book, scoped to the principal.
    /// A fixed length whatever the key's and the principal id's: the ledger takes keys up to 200 bytes.
    var bookKey: String {
        let digest = SHA256.hash(data: Array("\(principalID)\n\(idempotencyKey ?? "")".utf8))
        return "http:" + digest.map { String(format: "%02x", $0) }.joined()
    }

    /// A body reader over the request body.
    func reader() throws(Problem) -> BodyReader {
        guard let body else { throw Problem.invalid("body", "a JSON object is required") }
        return try BodyReader(body)
    }
}
