import Rules
import Workflow

/// Reads a workflow file's tree into a `WorkflowDefinition`, reporting every problem into the log.
/// Names are checked for shape here; whether they refer to anything is the compiler's business.
struct WorkflowDecoder {
    let log: DiagnosticLog
    /// The file's display path.
    let file: String
    /// The name the file name demands, or `nil` to skip that check.
    let expectedName: String?
    /// Locates expression text inside the file's scalars.
    let locator: ScalarTextLocator

    static let keys = Schemas.workflow.keys

    func decode(_ root: ConfigNode) -> WorkflowDefinition? {
        guard let reader = MappingReader(root, owner: nil, keys: WorkflowDecoder.keys, log: log) else { return nil }
        let name = reader.required("workflow", .identifier(example: "retail-origination"))
        if let name, let expectedName, name.value != expectedName {
            log.error("the workflow name `\(name.value)` must match the file name `\(expectedName).yaml`", at: name)
        }
        let description = reader.optional("description", .text)
        let context = reader.entry("context").map(decodeContext) ?? []
        let events = reader.requiredEntry("events").map { names($0, example: "submit") }
        let initial = reader.required("initial", .identifier(example: "draft"))
        let states = reader.requiredEntry("states").map(decodeStates) ?? []
        // Stand-ins for pieces that could not be read (already reported) let the compiler check the
        // rest without false reports: the name as written, the first state, the events the states use.
        let written = reader.entry("workflow")?.value
        guard let start = initial.map(sourced) ?? states.first?.name else { return nil }
        let shownName = name.map(sourced)
            ?? written.flatMap { node in node.scalar.map { Sourced($0.text, at: node.location, length: node.length) } }
            ?? Sourced(expectedName ?? "workflow", at: root.location)
        return WorkflowDefinition(name: shownName, file: file, location: root.location, description: description?.value,
                                  context: context, events: events ?? WorkflowDecoder.eventsUsed(by: states),
                                  initial: start, states: states)
    }

    /// Each event the states handle or their timers fire, once, where it is first written.
    static func eventsUsed(by states: [StateDefinition]) -> [Sourced<String>] {
        var seen: Set<String> = []
        let all = states.flatMap { $0.transitions.map(\.event) + $0.timers.map(\.event) }
        return all.filter { seen.insert($0.value).inserted }
    }

    /// `context: { amount: money, decision: "enum(approve, refer, reject)" }`.
    func decodeContext(_ entry: ConfigEntry) -> [ContextInputDefinition] {
        guard let entries = entry.value.entries else {
            log.error("expected `context` to be a mapping of input names to types, such as `amount: money`, "
                      + "found \(entry.value.kindDescription)", at: entry.value)
            return []
        }
        return entries.compactMap { input in
            guard let type = expression(input.value, key: "context.\(input.key)", expected: "a type such as `money`")
            else { return nil }
            return ContextInputDefinition(name: keyName(input), type: type)
        }
    }

    /// A list of ids such as `[submit, withdraw]`, each located.
    func names(_ entry: ConfigEntry, example: String) -> [Sourced<String>] {
        guard let items = entry.value.items else {
            log.error("expected `\(entry.key)` to be a list such as `[\(example)]`, "
                      + "found \(entry.value.kindDescription)", at: entry.value)
            return []
        }
        return items.compactMap { item in
            MappingReader.read(item, key: entry.key, .identifier(example: example), log: log).map(sourced)
        }
    }

    /// The scalar `node` as located expression text; anything else is reported.
    func expression(_ node: ConfigNode, key: String, expected: String) -> ExpressionSource? {
        guard let scalar = node.scalar, !scalar.isNull else {
            log.error("expected \(expected) for `\(key)`, found \(node.kindDescription)", at: node)
            return nil
        }
        return locator.expressionSource(scalar, at: node.location)
    }

    /// A mapping key as a located name (the key's own place, quotes included in its length).
    func keyName(_ entry: ConfigEntry) -> Sourced<String> {
        Sourced(entry.key, at: entry.keyLocation, length: entry.keyLength)
    }

    /// A key that names a state or an event: lower-case words joined by hyphens (reported if not).
    func idKey(_ entry: ConfigEntry, noun: String, example: String) -> Sourced<String> {
        if case .problem = ScalarParser<String>.identifier(example: example).read(entry.key, entry.key) {
            log.error("`\(entry.key)` cannot name \(noun): write lower-case words joined by hyphens, "
                      + "such as `\(example)`", atKey: entry)
        }
        return keyName(entry)
    }

    func sourced<Value>(_ located: Located<Value>) -> Sourced<Value> {
        Sourced(located.value, at: located.location, length: located.length)
    }
}
