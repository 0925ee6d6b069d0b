import Rules

/// One term set on the command line, such as `--rate 12.5%`: a key of the terms vocabulary (dotted
/// for nested keys: `moratorium.principal`; `-` may stand for `_`) and its text.
public struct TermsOverride: Sendable, Hashable {
    public var key: String
    public var text: String
    /// Where diagnostics point: the flag on the command line.
    public var location: SourceLocation

    /// An override of `key`; `flag` (default `--key`) names it in diagnostics.
    public init(key: String, text: String, flag: String? = nil) {
        self.key = key.replacingAll("-", with: "_")
        self.text = text
        self.location = .commandLine(flag ?? "--" + key.replacingAll("_", with: "-"))
    }

    /// The pseudo-location of a flag for `key` that nobody gave (for "missing" diagnostics).
    static func flagLocation(_ key: String) -> SourceLocation {
        .commandLine("--" + key.replacingAll("_", with: "-"))
    }
}

/// Turns overrides into a `ConfigNode` tree, so they are decoded exactly like a terms file.
enum OverrideTree {
    /// A mapping of the overrides; dotted keys become nested mappings. A key given twice, or both
    /// as a value and as a prefix (`step` and `step.every`), is reported.
    static func build(_ overrides: [TermsOverride], log: DiagnosticLog) -> ConfigNode {
        let paths = overrides.map { (override: $0, path: $0.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)) }
        return mapping(paths, at: .commandLine("command line"), log: log)
    }

    static func mapping(_ items: [(override: TermsOverride, path: [String])], at location: SourceLocation,
                        log: DiagnosticLog) -> ConfigNode {
        var order: [String] = []
        var groups: [String: [(override: TermsOverride, path: [String])]] = [:]
        for item in items {
            let head = item.path[0]
            if groups[head] == nil { order.append(head) }
            groups[head, default: []].append(item)
        }
        let entries = order.compactMap { key -> ConfigEntry? in
            let group = groups[key]!
            let first = group[0].override
            if group.count == 1 && group[0].path.count == 1 {
                let text = ConfigScalar(first.text)
                return ConfigEntry(key: key, keyLocation: first.location,
                                   value: ConfigNode(.scalar(text), at: first.location, length: first.text.count))
            }
            if group.contains(where: { $0.path.count == 1 }) {
                let again = group[1].override
                log.add(Diagnostic(at: again.location, "`\(key)` is given more than once"))
                return nil
            }
            let nested = mapping(group.map { ($0.override, Array($0.path.dropFirst())) }, at: first.location, log: log)
            return ConfigEntry(key: key, keyLocation: first.location, value: nested)
        }
        return ConfigNode(.mapping(entries), at: location)
    }
}

extension String {
    /// This text with every `target` replaced by `replacement`.
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
