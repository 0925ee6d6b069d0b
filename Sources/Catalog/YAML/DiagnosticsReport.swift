import Foundation
import Rules

/// Renders diagnostics of configuration files for people, quoting each file's lines.
public enum DiagnosticsReport {
    /// The rendered diagnostics and a count; files not in `sources` are read from disk by their
    /// displayed path when they exist (command-line locations quote nothing).
    public static func render(_ error: DiagnosticsError, sources: [String: String] = [:]) -> String {
        var texts = sources
        for file in Set(error.diagnostics.map(\.location).filter { !$0.isCommandLine }.map(\.file)) where texts[file] == nil {
            if let data = FileManager.default.contents(atPath: file), data.count <= ConfigSource.maxBytes,
               let text = String(data: data, encoding: .utf8) {
                texts[file] = text
            }
        }
        return DiagnosticRenderer(sources: texts).render(error.diagnostics)
    }
}
