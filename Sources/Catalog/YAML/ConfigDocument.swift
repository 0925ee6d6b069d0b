import Rules
import Yams

/// Reads YAML (or JSON, which is YAML) into a located `ConfigNode` tree.
public enum ConfigDocument {
    /// The tree of `text`, located in `file` (the display path used in diagnostics); an empty
    /// document is a null scalar at 1:1. Syntax errors and duplicate keys are diagnostics.
    public static func parse(_ text: String, file: String) throws(DiagnosticsError) -> ConfigNode {
        let composed = try YamsComposer.compose(text, file: file)
        guard let root = composed.root else {
            return ConfigNode(.scalar(ConfigScalar("")), at: SourceLocation(file: file, line: 1, column: 1))
        }
        var builder = ConfigTreeBuilder(file: file, renamedKeys: composed.renamedKeys)
        let node = builder.node(root)
        if !builder.diagnostics.isEmpty { throw DiagnosticsError(builder.diagnostics) }
        return node
    }
}

/// Turns Yams nodes into `ConfigNode`s, restoring renamed duplicate keys and reporting them.
struct ConfigTreeBuilder {
    let file: String
    /// Placeholder key text → the key as written (see `YamsComposer`).
    let renamedKeys: [String: String]
    var diagnostics: [Diagnostic] = []

    mutating func node(_ node: Node) -> ConfigNode {
        let location = self.location(node.mark)
        switch node {
        case .scalar(let scalar):
            let value = ConfigScalar(scalar.string, style: ConfigTreeBuilder.style(scalar.style))
            return ConfigNode(.scalar(value), at: location, length: ConfigTreeBuilder.tokenLength(value))
        case .sequence(let sequence):
            return ConfigNode(.sequence(sequence.map { self.node($0) }), at: location)
        case .mapping(let mapping):
            return ConfigNode(.mapping(entries(mapping)), at: location)
        case .alias:
            return ConfigNode(.scalar(ConfigScalar("")), at: location)
        }
    }

    mutating func entries(_ mapping: Node.Mapping) -> [ConfigEntry] {
        var result: [ConfigEntry] = []
        var firstSeen: [String: SourceLocation] = [:]
        for (keyNode, valueNode) in mapping {
            let keyLocation = location(keyNode.mark)
            guard let raw = keyNode.scalar?.string else {
                diagnostics.append(Diagnostic(at: keyLocation, "a key must be a single word, not \(self.node(keyNode).kindDescription)"))
                continue
            }
            let key = renamedKeys[raw] ?? raw
            let written = ConfigScalar(key, style: ConfigTreeBuilder.style(keyNode.scalar?.style ?? .plain))
            let entry = ConfigEntry(key: key, keyLocation: keyLocation, keyLength: ConfigTreeBuilder.tokenLength(written),
                                    value: node(valueNode))
            if let first = firstSeen[key] {
                diagnostics.append(Diagnostic(at: keyLocation, "duplicate key `\(key)`; it is already set at line \(first.line)",
                                              length: entry.keyLength))
                continue
            }
            firstSeen[key] = keyLocation
            result.append(entry)
        }
        return result
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func style(_ style: Node.Scalar.Style) -> ConfigScalar.Style {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        case .any, .plain: return .plain
        }
    }

    /// Characters the scalar takes on its line: the text, plus the quotes when quoted.
    static func tokenLength(_ scalar: ConfigScalar) -> Int {
        let count = scalar.text.unicodeScalars.count
        switch scalar.style {
        case .plain: return count
        case .singleQuoted, .doubleQuoted: return count + 2
        case .literal, .folded: return 1
        }
    }
}
