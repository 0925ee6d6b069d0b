import Rules

/// Loads a lender's IRACP settings, reporting every problem at once.
public enum AssetClassificationLoader {
    /// The settings written in `source`.
    public static func load(_ source: ConfigSource) -> Result<AssetClassificationPolicy, DiagnosticsError> {
        let log = DiagnosticLog()
        let root: ConfigNode
        do { root = try source.parse() } catch { return .failure(error) }
        let policy = AssetClassificationDecoder(log: log).decode(root)
        if let failure = log.failure { return .failure(failure) }
        guard let policy else {
            return .failure(DiagnosticsError([Diagnostic(at: root.location, "the settings could not be read")]))
        }
        return .success(policy)
    }

    /// The settings of `tree`: nil when it has none or they failed (their errors in `diagnostics`).
    static func load(_ tree: ConfigTree) -> (policy: AssetClassificationPolicy?, diagnostics: [Diagnostic]) {
        guard let source = tree.files.first(where: { $0.displayPath == AssetClassificationPolicy.path }) else {
            return (nil, [])
        }
        switch load(source) {
        case .success(let policy): return (policy, [])
        case .failure(let error): return (nil, error.diagnostics)
        }
    }
}
