/// One state-changing request as the audit log keeps it: who (and in which roles), when, from where,
/// what (method, route pattern, resource), the state before and after (JSON or digests), the outcome.
public struct AuditEntry: Sendable, Hashable {
    /// Unix microseconds, from the infrastructure's clock.
    public var recordedAt: Int64
    public var principal: String
    public var principalKind: Principal.Kind
    public var roles: [String]
    public var remoteAddress: String?
    public var method: String
    /// The route pattern, e.g. `/api/v1/loans/{id}/waivers`.
    public var route: String
    public var resourceID: String?
    public var before: String?
    public var after: String?
    /// The HTTP status answered.
    public var status: Int

    public init(recordedAt: Int64, principal: String, principalKind: Principal.Kind, roles: [String],
                remoteAddress: String?, method: String, route: String, resourceID: String?, before: String?,
                after: String?, status: Int) {
        self.recordedAt = recordedAt
        self.principal = principal
        self.principalKind = principalKind
        self.roles = roles
        self.remoteAddress = remoteAddress
        self.method = method
        self.route = route
        self.resourceID = resourceID
        self.before = before
        self.after = after
        self.status = status
    }
}

/// An entry as stored: its place in the chain and the hashes that link it.
public struct AuditRecord: Sendable, Hashable {
    /// 1, 2, 3… without gaps.
    public let sequence: Int64
    public let entry: AuditEntry
    /// Hex SHA-256 of the row before (64 zeros for the first).
    public let prevHash: String
    /// Hex SHA-256(prev_hash bytes ‖ canonical row bytes).
    public let hash: String

    public init(sequence: Int64, entry: AuditEntry, prevHash: String, hash: String) {
        self.sequence = sequence
        self.entry = entry
        self.prevHash = prevHash
        self.hash = hash
    }
}

/// Where the audit log is kept: append-only, hash-chained, appends serialised so the chain never forks.
public protocol AuditLog: Sendable {
    /// Appends `entry` after the current last row and returns it as stored.
    @discardableResult
    func append(_ entry: AuditEntry) throws -> AuditRecord
    /// Up to `limit` rows from `sequence` on, in order.
    func records(from sequence: Int64, limit: Int) throws -> [AuditRecord]
}

extension AuditLog {
    /// Walks the whole chain and names the first broken row.
    public func verify(pageSize: Int = 1_000) throws -> AuditVerification {
        var verifier = AuditChainVerifier()
        var next: Int64 = 1
        while true {
            let page = try records(from: next, limit: pageSize)
            for record in page {
                if let problem = verifier.check(record) { return .broken(problem) }
            }
            guard let last = page.last, page.count == pageSize else { break }
            next = last.sequence + 1
        }
        return .intact(rows: verifier.rows)
    }
}
