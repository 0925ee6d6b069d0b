import Rules

/// Reads one mapping strictly: reports unknown keys (with a suggestion) as it opens, missing
/// required keys and bad values as they are asked for, all into the same log.
struct MappingReader {
    let node: ConfigNode
    /// The entry whose value this mapping is (`nil` for a file's top level).
    let owner: ConfigEntry?
    let log: DiagnosticLog
    /// Whether the mapping is an item of the list `owner` (missing keys are reported at the item).
    let isListItem: Bool
    private let byKey: [String: ConfigEntry]

    /// Opens `node` as a mapping with exactly `keys` allowed; `nil` (reported) when it is not a mapping.
    init?(_ node: ConfigNode, owner: ConfigEntry?, keys: [String], log: DiagnosticLog, isListItem: Bool = false) {
        guard let entries = node.entries else {
            let what = owner.map { "`\($0.key)`" } ?? "the file"
            log.error("expected \(what) to be a mapping of `key: value` pairs, found \(node.kindDescription)", at: node)
            return nil
        }
        self.node = node
        self.owner = owner
        self.log = log
        self.isListItem = isListItem
        var byKey: [String: ConfigEntry] = [:]
        for entry in entries {
            byKey[entry.key] = entry
            if !keys.contains(entry.key) { MappingReader.reportUnknown(entry, keys: keys, owner: owner, log: log) }
        }
        self.byKey = byKey
    }

    /// Opens the value of `entry` as a mapping.
    init?(_ entry: ConfigEntry, keys: [String], log: DiagnosticLog) {
        self.init(entry.value, owner: entry, keys: keys, log: log)
    }

    static func reportUnknown(_ entry: ConfigEntry, keys: [String], owner: ConfigEntry?, log: DiagnosticLog) {
        let place = owner.map { " in `\($0.key)`" } ?? ""
        var message = "unknown key `\(entry.key)`\(place)"
        if let near = Suggestion.closest(to: entry.key, in: keys) {
            message += "; did you mean `\(near)`?"
        } else {
            message += "; expected one of: " + keys.joined(separator: ", ")
        }
        log.error(message, atKey: entry)
    }

    /// The entry for `key` unless it is absent or null.
    func entry(_ key: String) -> ConfigEntry? {
        guard let entry = byKey[key], !entry.value.isNull else { return nil }
        return entry
    }

    /// The entry for `key`, reporting it when absent or null.
    func requiredEntry(_ key: String) -> ConfigEntry? {
        if let entry = entry(key) { return entry }
        reportMissing(key)
        return nil
    }

    /// Reports that `key` is required here.
    func reportMissing(_ key: String) {
        if let present = byKey[key] {
            log.error("`\(key)` needs a value", atKey: present)
        } else if let owner, isListItem {
            log.error("missing required key `\(key)` in this item of `\(owner.key)`",
                      at: ConfigNode(node.content, at: node.location))
        } else if let owner {
            log.error("missing required key `\(key)` in `\(owner.key)`", atKey: owner)
        } else {
            log.error("missing required key `\(key)`", at: ConfigNode(node.content, at: node.location))
        }
    }

    /// The value of `key` read by `parser`, when present; problems are reported.
    func optional<Value>(_ key: String, _ parser: ScalarParser<Value>) -> Located<Value>? {
        entry(key).flatMap { read($0, parser) }
    }

    /// The value of `key` read by `parser`; absence and problems are reported.
    func required<Value>(_ key: String, _ parser: ScalarParser<Value>) -> Located<Value>? {
        requiredEntry(key).flatMap { read($0, parser) }
    }

    /// The items of the list under `key`, when present; anything but a list is reported.
    func list(_ key: String) -> (entry: ConfigEntry, items: [ConfigNode])? {
        guard let entry = entry(key) else { return nil }
        guard let items = entry.value.items else {
            log.error("expected `\(key)` to be a list, found \(entry.value.kindDescription)", at: entry.value)
            return nil
        }
        return (entry, items)
    }

    /// `entry`'s value read by `parser`; messages name it by its path, e.g. `moratorium.principal`.
    func read<Value>(_ entry: ConfigEntry, _ parser: ScalarParser<Value>) -> Located<Value>? {
        let path = owner.map { "\($0.key).\(entry.key)" } ?? entry.key
        return MappingReader.read(entry.value, key: path, parser, log: log)
    }

    /// `node` read by `parser` as the value of `key`; problems are reported at the value.
    static func read<Value>(_ node: ConfigNode, key: String, _ parser: ScalarParser<Value>, log: DiagnosticLog)
        -> Located<Value>? {
        guard let scalar = node.scalar else {
            log.error("expected \(parser.expected) for `\(key)`, found \(node.kindDescription)", at: node)
            return nil
        }
        switch parser.read(scalar.text, key) {
        case .value(let value): return Located(value, node: node)
        case .problem(let message):
            log.error(message, at: node)
            return nil
        }
    }
}
