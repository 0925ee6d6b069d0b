/// Renders diagnostics as a compiler does: `file:line:col: error: message`, the source line, and a
/// caret under the spot.
public struct DiagnosticRenderer: Sendable {
    /// Source text by file path, for quoting lines.
    public var sources: [String: String]

    public init(sources: [String: String]) { self.sources = sources }

    /// One diagnostic with its quoted line and caret.
    public func render(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description
        let location = diagnostic.location
        guard let source = sources[location.file], let line = DiagnosticRenderer.line(location.line, of: source) else {
            return text
        }
        let scalars = Array(line.unicodeScalars)
        let column = max(1, min(location.column, scalars.count + 1))
        let width = max(1, min(diagnostic.length, scalars.count - column + 1))
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        // Tabs in the prefix are kept so the caret lines up under the same column.
        let prefix = scalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        text += "\n\(pad) |\n\(gutter) | \(line)\n\(pad) | \(prefix)^" + String(repeating: "~", count: max(0, width - 1))
        return text
    }

    /// All diagnostics, sorted, then a one-line count.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sorted { $0.location < $1.location }
        var parts = sorted.map(render)
        let errors = sorted.filter { $0.severity == .error }.count
        let warnings = sorted.filter { $0.severity == .warning }.count
        var summary = "\(errors) error" + (errors == 1 ? "" : "s")
        if warnings > 0 { summary += ", \(warnings) warning" + (warnings == 1 ? "" : "s") }
        parts.append(summary)
        return parts.joined(separator: "\n")
    }

    static func line(_ number: Int, of source: String) -> String? {
        var current = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            }
            current += 1
        }
        return nil
    }
}
