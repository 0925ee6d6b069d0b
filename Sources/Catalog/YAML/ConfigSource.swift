import Foundation
import Rules

/// The text of one configuration file and the path diagnostics show for it.
public struct ConfigSource: Sendable, Hashable {
    public var text: String
    /// The path shown in diagnostics, e.g. `products/personal-loan.yaml`.
    public var displayPath: String

    /// Largest configuration file read: 1 MiB.
    public static let maxBytes = 1 << 20

    public init(text: String, displayPath: String) {
        self.text = text
        self.displayPath = displayPath
    }

    /// Reads the file at `path`; diagnostics name it `displayPath` (default: `path`).
    public static func read(path: String, displayPath: String? = nil) throws(DiagnosticsError) -> ConfigSource {
        let shown = displayPath ?? path
        let start = SourceLocation(file: shown, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([Diagnostic(at: start, "cannot read the file (it is missing or unreadable)")])
        }
        guard data.count <= maxBytes else {
            throw DiagnosticsError([Diagnostic(at: start, "the file is larger than \(maxBytes / 1024) KiB")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(at: start, "the file is not valid UTF-8 text")])
        }
        return ConfigSource(text: text, displayPath: shown)
    }

    /// The located tree of this file.
    public func parse() throws(DiagnosticsError) -> ConfigNode {
        try ConfigDocument.parse(text, file: displayPath)
    }

    /// The `.yaml` files in `directory`, sorted by name, as (path, name without `.yaml`).
    static func yamlFiles(in directory: String) throws(DiagnosticsError) -> [(path: String, name: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            let at = SourceLocation(file: directory, line: 1, column: 1)
            throw DiagnosticsError([Diagnostic(at: at, "cannot list the directory (it is missing or unreadable)")])
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
            .map { (base + "/" + $0, String($0.dropLast(5))) }
    }
}
