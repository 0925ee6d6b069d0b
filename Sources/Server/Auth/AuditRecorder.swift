import Hummingbird
import Identity

/// Records a state-changing request in the audit log: the principal, the peer, the method and route
/// pattern, the resource, the state before and after (JSON or digests) and the status answered.
public struct AuditRecorder: Sendable {
    let log: any AuditLog
    /// Unix microseconds now (infrastructure time).
    let clock: @Sendable () -> Int64

    public init(log: any AuditLog, clock: @escaping @Sendable () -> Int64) {
        self.log = log
        self.clock = clock
    }

    /// Appends one row; `route` is the pattern (`/api/v1/loans/{id}/waivers`), never the raw path.
    @discardableResult
    public func record(principal: Principal, credentials: Credentials, method: HTTPRequest.Method, route: String,
                       resourceID: String? = nil, before: String? = nil, after: String? = nil,
                       status: HTTPResponse.Status) throws -> AuditRecord {
        try log.append(AuditEntry(
            recordedAt: clock(), principal: principal.id, principalKind: principal.kind, roles: principal.roles,
            remoteAddress: credentials.remoteAddress, method: method.rawValue, route: route, resourceID: resourceID,
            before: before, after: after, status: status.code))
    }
}
