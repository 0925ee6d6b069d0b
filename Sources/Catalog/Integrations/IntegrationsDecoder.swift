import Rules

/// Reads `policies/integrations.yaml` strictly: every integration present once with a known adapter;
/// an `http` adapter with an https endpoint and a credential reference; a simulator without them.
struct IntegrationsDecoder {
    let log: DiagnosticLog

    func decode(_ root: ConfigNode) -> IntegrationConfiguration? {
        guard let reader = MappingReader(root, owner: nil, keys: Schemas.integrations.keys, log: log) else { return nil }
        _ = reader.optional("description", .text)
        guard let entry = reader.requiredEntry("integrations"),
              let byName = MappingReader(entry, keys: IntegrationKind.allCases.map(\.rawValue), log: log)
        else { return nil }
        var settings: [IntegrationKind: IntegrationSettings] = [:]
        for kind in IntegrationKind.allCases {
            guard let item = byName.entry(kind.rawValue) else {
                byName.reportMissing(kind.rawValue)
                continue
            }
            if let one = integration(kind, item) { settings[kind] = one }
        }
        guard !log.hasErrors else { return nil }
        return IntegrationConfiguration(settings: settings)
    }

    func integration(_ kind: IntegrationKind, _ entry: ConfigEntry) -> IntegrationSettings? {
        guard let reader = MappingReader(entry, keys: Schemas.integration.keys, log: log) else { return nil }
        _ = reader.optional("description", .text)
        let adapter: Located<AdapterKind>? = reader.required("adapter", .word("an adapter"))
        let endpoint = reader.optional("endpoint", .text)
        let credential = reader.optional("credential", Self.credential)
        let timeout = reader.optional("timeout_seconds", .integer(1...300))
        let retry = reader.entry("retries").flatMap(retries)
        guard let adapter else { return nil }
        switch adapter.value {
        case .http:
            if let endpoint { checkEndpoint(endpoint, kind) } else { reader.reportMissing("endpoint") }
            if credential == nil, reader.entry("credential") == nil { reader.reportMissing("credential") }
        case .simulator:
            for key in ["endpoint", "credential"] {
                guard let extra = reader.entry(key) else { continue }
                log.error("`\(kind.rawValue).\(key)` is only for `adapter: http`; a simulator calls nothing outside",
                          atKey: extra)
            }
        }
        return IntegrationSettings(kind: kind, adapter: adapter.value, endpoint: endpoint?.value, credential: credential?.value,
                                   timeoutSeconds: timeout?.value ?? 10, retry: retry ?? .standard)
    }

    func checkEndpoint(_ endpoint: Located<String>, _ kind: IntegrationKind) {
        let text = endpoint.value
        let local = text.hasPrefix("http://localhost") || text.hasPrefix("http://127.0.0.1")
        guard text.hasPrefix("https://") || local else {
            log.error("`\(kind.rawValue).endpoint` must be an https:// URL (plain http only to localhost)", at: endpoint)
            return
        }
        if text.contains("@") {
            log.error("`\(kind.rawValue).endpoint` may not carry a user or password; name the credential in `credential`",
                      at: endpoint)
        }
    }

    func retries(_ entry: ConfigEntry) -> RetryPolicy? {
        guard let reader = MappingReader(entry, keys: Schemas.integrationRetries.keys, log: log) else { return nil }
        let attempts = reader.required("attempts", .integer(0...10))
        let backoff = reader.required("backoff_seconds", .integer(1...3_600))
        let maximum = reader.optional("max_backoff_seconds", .integer(1...86_400))
        guard let attempts, let backoff else { return nil }
        if let maximum, maximum.value < backoff.value {
            log.error("`retries.max_backoff_seconds` (\(maximum.value)) must be at least `backoff_seconds` (\(backoff.value))",
                      at: maximum)
            return nil
        }
        return RetryPolicy(attempts: attempts.value, backoffSeconds: backoff.value,
                           maxBackoffSeconds: maximum?.value ?? max(60, backoff.value))
    }

    /// `env:NAME` (an environment variable: capitals, digits, `_`) or `secret:name` (letters, digits, `-_/.`).
    static var credential: ScalarParser<CredentialReference> {
        let expected = "`env:VARIABLE` or `secret:name`"
        return ScalarParser(expected: expected) { text, key in
            func isVariable(_ name: Substring) -> Bool {
                guard let first = name.first, first.isUppercase || first == "_" else { return false }
                return name.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
            }
            func isSecretName(_ name: Substring) -> Bool {
                !name.isEmpty && name.count <= 128
                    && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_/.".contains($0)) }
            }
            if text.hasPrefix("env:"), isVariable(text.dropFirst(4)) { return .value(.environment(String(text.dropFirst(4)))) }
            if text.hasPrefix("secret:"), isSecretName(text.dropFirst(7)) { return .value(.secret(String(text.dropFirst(7)))) }
            // The value may be a credential pasted by mistake: never quote it back.
            return .problem("`\(key)` must name where the credential is kept, as \(expected) (an environment variable in capitals, "
                + "or a secret's name); write the name, never the credential itself")
        }
    }
}
