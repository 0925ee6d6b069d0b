/// How serious a diagnostic is: errors stop a file from loading, warnings do not.
public enum Severity: String, Sendable, Hashable {
    case error, warning, note
}

/// One problem found in a configuration file, with where it is and what is wrong. Messages never
/// carry borrower data: configuration files hold none.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Characters to underline from the column (at least 1).
    public var length: Int

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, length: Int = 1) {
        self.severity = severity
        self.location = location
        self.message = message
        self.length = max(1, length)
    }

    /// `file:line:col: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// A batch of diagnostics: every problem found at once, in file order.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted { $0.location < $1.location } }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
