import Ledger

/// A response kept for an idempotency key, replayed byte for byte when the same request repeats.
struct StoredResponse: Sendable, Hashable {
    var status: Int
    var body: String
}

/// What an earlier request with the same idempotency key says about this one.
enum IdempotencyLookup: Sendable, Hashable {
    /// The key is new for this principal.
    case unused
    /// The same request was answered before: answer the same.
    case replay(StoredResponse)
    /// The key was used with a different request body or route.
    case conflict
}

/// The `http_idempotency` table (migration 10): keys scoped per principal, with the request body's
/// SHA-256 and the response given.
enum IdempotencyRecords {
    static func lookup(
        _ connection: any SQLConnection, principal: String, key: String, method: String, path: String,
        requestHash: String
    ) throws -> IdempotencyLookup {
        let rows = try connection.query(
            """
            SELECT method, path, request_hash, status, response_body FROM http_idempotency
            WHERE principal_id = ? AND idempotency_key = ?
            """, [.text(principal), .text(key)])
        guard let row = rows.first else { return .unused }
        guard row.text(0) == method, row.text(1) == path, row.text(2) == requestHash else { return .conflict }
        return .replay(StoredResponse(status: Int(row.int64(3)), body: row.text(4)))
    }

    static func record(
        _ connection: any SQLConnection, principal: String, key: String, method: String, path: String,
        requestHash: String, response: StoredResponse
    ) throws {
        try connection.query(
            """
            INSERT INTO http_idempotency (principal_id, idempotency_key, method, path, request_hash, status, response_body)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(principal), .text(key), .text(method), .text(path), .text(requestHash),
                .integer(Int64(response.status)), .text(response.body),
            ])
    }
}
