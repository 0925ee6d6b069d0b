import Rules

/// Loads `policies/integrations.yaml`, reporting every problem at once as `file:line:col`.
public enum IntegrationsLoader {
    /// The configuration written in `source`.
    public static func load(_ source: ConfigSource) -> Result<IntegrationConfiguration, DiagnosticsError> {
        let log = DiagnosticLog()
        let root: ConfigNode
        do { root = try source.parse() } catch { return .failure(error) }
        let configuration = IntegrationsDecoder(log: log).decode(root)
        if let failure = log.failure { return .failure(failure) }
        guard let configuration else {
            return .failure(DiagnosticsError([Diagnostic(at: root.location, "the integrations could not be read")]))
        }
        return .success(configuration)
    }

    /// The integrations of `tree`: nil when it has no file or the file failed (errors in `diagnostics`).
    public static func load(_ tree: ConfigTree) -> (configuration: IntegrationConfiguration?, diagnostics: [Diagnostic]) {
        guard let source = tree.files.first(where: { $0.displayPath == IntegrationConfiguration.path }) else {
            return (nil, [])
        }
        switch load(source) {
        case .success(let configuration): return (configuration, [])
        case .failure(let error): return (nil, error.diagnostics)
        }
    }
}
