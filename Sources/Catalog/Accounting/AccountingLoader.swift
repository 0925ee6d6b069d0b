import Rules

/// Loads the chart of accounts and posting map, reporting every problem at once.
public enum AccountingLoader {
    /// The chart written in `source`.
    public static func load(_ source: ConfigSource) -> Result<ChartOfAccounts, DiagnosticsError> {
        let log = DiagnosticLog()
        let root: ConfigNode
        do { root = try source.parse() } catch { return .failure(error) }
        let chart = AccountingDecoder(log: log).decode(root)
        if let failure = log.failure { return .failure(failure) }
        guard let chart else {
            let problem = Diagnostic(at: root.location, "the chart of accounts could not be read")
            return .failure(DiagnosticsError([problem]))
        }
        return .success(chart)
    }

    /// The chart of `tree`: nil when it has none or it failed (its errors in `diagnostics`).
    static func load(_ tree: ConfigTree) -> (chart: ChartOfAccounts?, diagnostics: [Diagnostic]) {
        guard let source = tree.files.first(where: { $0.displayPath == ChartOfAccounts.path }) else {
            return (nil, [])
        }
        switch load(source) {
        case .success(let chart): return (chart, [])
        case .failure(let error): return (nil, error.diagnostics)
        }
    }
}
