import Catalog

/// Why a call to an outside service failed. Timeouts and 5xx answers are worth retrying; a refusal
/// (4xx) is not. Descriptions name the integration, never the request's personal data.
public enum IntegrationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case timeout(IntegrationKind, afterSeconds: Int)
    case serverError(IntegrationKind, status: Int)
    /// The service could not be reached (connection, name, TLS).
    case unreachable(IntegrationKind)
    /// The service refused the request; retrying the same request will not help.
    case rejected(IntegrationKind, reason: String)
    /// The adapter cannot be used as configured (e.g. its credential is not set).
    case notConfigured(IntegrationKind, reason: String)
    /// Our own database failed while recording the call (the outbox); worth retrying.
    case storage(IntegrationKind, reason: String)

    /// Whether trying the same call again later may succeed.
    public var isRetryable: Bool {
        switch self {
        case .timeout, .serverError, .unreachable, .storage: true
        case .rejected, .notConfigured: false
        }
    }

    public var description: String {
        switch self {
        case .timeout(let kind, let seconds): "\(kind.rawValue): no answer within \(seconds) s"
        case .serverError(let kind, let status): "\(kind.rawValue): the service failed (HTTP \(status))"
        case .unreachable(let kind): "\(kind.rawValue): the service could not be reached"
        case .rejected(let kind, let reason): "\(kind.rawValue): refused: \(reason)"
        case .notConfigured(let kind, let reason): "\(kind.rawValue): not usable: \(reason)"
        case .storage(let kind, let reason): "\(kind.rawValue): could not be recorded: \(reason)"
        }
    }
}
