/// An outside service origination and servicing call through an adapter.
public enum IntegrationKind: String, CaseIterable, Sendable, Hashable, Codable {
    case creditBureau = "credit-bureau"
    case kyc
    case pennyDrop = "penny-drop"
    case eSign = "e-sign"
    case disbursement
    case nachMandate = "nach-mandate"
    case sms
    case email
}

/// Which adapter serves an integration: the deterministic simulator (tests, demo) or a real HTTP service.
public enum AdapterKind: String, CaseIterable, Sendable, Hashable, Codable {
    case simulator, http
}

/// Where an adapter finds its credential: the name of an environment variable or of a secret in the
/// lender's secret store — never the credential itself.
public enum CredentialReference: Sendable, Hashable {
    case environment(String)
    case secret(String)

    /// As written in the file: `env:BUREAU_API_KEY`, `secret:bureau/api-key`.
    public var written: String {
        switch self {
        case .environment(let name): "env:\(name)"
        case .secret(let name): "secret:\(name)"
        }
    }
}

/// How often a failed call is tried again and how long to wait in between: `backoffSeconds`, then
/// doubling each attempt, never more than `maxBackoffSeconds`.
public struct RetryPolicy: Sendable, Hashable {
    /// Further attempts after the first one fails (0: no retry).
    public var attempts: Int
    public var backoffSeconds: Int
    public var maxBackoffSeconds: Int

    public init(attempts: Int, backoffSeconds: Int, maxBackoffSeconds: Int) {
        self.attempts = attempts
        self.backoffSeconds = backoffSeconds
        self.maxBackoffSeconds = maxBackoffSeconds
    }

    /// Seconds to wait after attempt `attempt` (1 = the first call) failed; nil when no attempt is left.
    public func delaySeconds(afterAttempt attempt: Int) -> Int? {
        guard attempt >= 1, attempt <= attempts else { return nil }
        var delay = backoffSeconds
        var doubled = 1
        while doubled < attempt, delay < maxBackoffSeconds {
            delay *= 2
            doubled += 1
        }
        return min(delay, maxBackoffSeconds)
    }

    /// Three retries after 2, 4 and 8 seconds.
    public static let standard = RetryPolicy(attempts: 3, backoffSeconds: 2, maxBackoffSeconds: 60)
}

/// The settings of one integration in `policies/integrations.yaml`.
public struct IntegrationSettings: Sendable, Hashable {
    public var kind: IntegrationKind
    public var adapter: AdapterKind
    /// The service's URL (`http` adapters only).
    public var endpoint: String?
    public var credential: CredentialReference?
    public var timeoutSeconds: Int
    public var retry: RetryPolicy

    public init(kind: IntegrationKind, adapter: AdapterKind, endpoint: String? = nil, credential: CredentialReference? = nil,
                timeoutSeconds: Int = 10, retry: RetryPolicy = .standard) {
        self.kind = kind
        self.adapter = adapter
        self.endpoint = endpoint
        self.credential = credential
        self.timeoutSeconds = timeoutSeconds
        self.retry = retry
    }
}

/// Every integration's settings: the compiled `policies/integrations.yaml`.
public struct IntegrationConfiguration: Sendable, Hashable {
    /// Where the file lives in a configuration tree.
    public static let path = "policies/integrations.yaml"

    public let settings: [IntegrationKind: IntegrationSettings]

    public init(settings: [IntegrationKind: IntegrationSettings]) { self.settings = settings }

    /// The settings of `kind` (every kind is present in a loaded file).
    public subscript(kind: IntegrationKind) -> IntegrationSettings {
        settings[kind] ?? IntegrationSettings(kind: kind, adapter: .simulator)
    }

    /// Every integration on its simulator, with the standard retries: for tests and the demo.
    public static let allSimulated = IntegrationConfiguration(
        settings: Dictionary(uniqueKeysWithValues: IntegrationKind.allCases.map {
            ($0, IntegrationSettings(kind: $0, adapter: .simulator))
        }))
}
