import Identity
import Rules

extension AccessPolicy {
    /// Where the roles live in a configuration tree.
    public static let path = "policies/roles.yaml"
}

/// Loads `policies/roles.yaml`, reporting every problem at once.
public enum RolesLoader {
    /// The access policy written in `source`.
    public static func load(_ source: ConfigSource) -> Result<AccessPolicy, DiagnosticsError> {
        let log = DiagnosticLog()
        let root: ConfigNode
        do { root = try source.parse() } catch { return .failure(error) }
        let policy = RolesDecoder(log: log).decode(root)
        if let failure = log.failure { return .failure(failure) }
        guard let policy else {
            return .failure(DiagnosticsError([Diagnostic(at: root.location, "the roles could not be read")]))
        }
        return .success(policy)
    }

    /// The roles of `tree`: nil when it has none or they failed (errors in `diagnostics`).
    static func load(_ tree: ConfigTree) -> (policy: AccessPolicy?, diagnostics: [Diagnostic]) {
        guard let source = tree.files.first(where: { $0.displayPath == AccessPolicy.path }) else { return (nil, []) }
        switch load(source) {
        case .success(let policy): return (policy, [])
        case .failure(let error): return (nil, error.diagnostics)
        }
    }
}
