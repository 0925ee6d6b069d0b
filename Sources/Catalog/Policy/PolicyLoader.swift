import Rules

/// Loads and compiles policies from `policies/*.yaml`, reporting every problem at once.
public enum PolicyLoader {
    /// The policy in the file at `path`; its name must equal the file name without `.yaml`.
    /// Diagnostics name the file `displayPath` (default: `path`).
    public static func load(path: String, displayPath: String? = nil) -> Result<CompiledPolicy, DiagnosticsError> {
        do {
            let source = try ConfigSource.read(path: path, displayPath: displayPath)
            return load(source, expectedID: ProductLoader.fileStem(path))
        } catch {
            return .failure(error)
        }
    }

    /// The policy written in `source`, compiled; `expectedID` (when given) is the name the file name
    /// demands. Problems of reading and of compiling are reported together, in file order.
    public static func load(_ source: ConfigSource, expectedID: String?) -> Result<CompiledPolicy, DiagnosticsError> {
        loaded(source, expectedID: expectedID).map(\.compiled)
    }

    /// The compiled policy with the reason codes its rules give (for checking policy tests).
    static func loaded(_ source: ConfigSource, expectedID: String?) -> Result<LoadedPolicy, DiagnosticsError> {
        let log = DiagnosticLog()
        guard let policy = decode(source, expectedID: expectedID, log: log) else {
            return .failure(log.failure ?? DiagnosticsError([]))
        }
        switch PolicyCompiler.compile(policy) {
        case .success(let compiled):
            if let failure = log.failure { return .failure(failure) }
            let reasonCodes = Set(policy.rules.map(\.reasonCode)).filter { !$0.isEmpty }.sorted()
            return .success(LoadedPolicy(compiled: compiled, reasonCodes: reasonCodes, inputs: policy.inputs))
        case .failure(let error):
            log.add(error.diagnostics)
            return .failure(log.failure!)
        }
    }

    /// The policy written in `source`, not compiled (for tools that show a policy as written).
    public static func source(_ source: ConfigSource, expectedID: String?) -> Result<PolicySource, DiagnosticsError> {
        let log = DiagnosticLog()
        let policy = decode(source, expectedID: expectedID, log: log)
        if let failure = log.failure { return .failure(failure) }
        guard let policy else { return .failure(DiagnosticsError([])) }
        return .success(policy)
    }

    /// Parses and decodes `source` into `log`; nil when the file is not even a mapping.
    static func decode(_ source: ConfigSource, expectedID: String?, log: DiagnosticLog) -> PolicySource? {
        let root: ConfigNode
        do { root = try source.parse() } catch {
            log.add(error.diagnostics)
            return nil
        }
        let decoder = PolicyDecoder(log: log, expectedName: expectedID, locator: ScalarTextLocator(source: source.text))
        return decoder.decode(root)
    }
}
