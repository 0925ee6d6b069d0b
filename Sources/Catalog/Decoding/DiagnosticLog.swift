import Rules

/// Collects every diagnostic found while decoding one load, so that all are reported at once.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    init() {}

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func add(_ more: [Diagnostic]) { diagnostics += more }

    /// An error pointing at a node (underlining its token).
    func error(_ message: String, at node: ConfigNode) {
        add(Diagnostic(at: node.location, message, length: node.length))
    }

    /// An error pointing at a mapping entry's key.
    func error(_ message: String, atKey entry: ConfigEntry) {
        add(Diagnostic(at: entry.keyLocation, message, length: entry.keyLength))
    }

    /// An error pointing at a located value.
    func error<Value>(_ message: String, at value: Located<Value>) {
        add(Diagnostic(at: value.location, message, length: value.length))
    }

    /// The diagnostics as an error, or `nil` when there are none.
    var failure: DiagnosticsError? { diagnostics.isEmpty ? nil : DiagnosticsError(diagnostics) }
}
