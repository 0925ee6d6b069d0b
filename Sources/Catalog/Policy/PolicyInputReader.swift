import Rules

/// Reads the inputs of one application for a policy from a YAML or JSON mapping of input names
/// to values, each by its declared type, reporting every problem at once.
public enum PolicyInputReader {
    /// Inputs for `policy` from `node`: every declared input must be given, and no other key except
    /// those in `allowing` (such as a case id).
    public static func read(
        _ node: ConfigNode, for policy: CompiledPolicy,
        allowing: Set<String> = []
    ) -> Result<InputValues, DiagnosticsError> {
        let log = DiagnosticLog()
        let given = values(node, declarations: policy.declarations, allowing: allowing, log: log)
        if let given { reportMissing(policy.declarations, given: Set(given.keys), at: node, log: log) }
        if let failure = log.failure { return .failure(failure) }
        return .success(InputValues(policy.declarations, given ?? [:]))
    }

    /// The values `node` gives, by name; problems reported. Nil when `node` is not a mapping.
    static func values(
        _ node: ConfigNode, declarations: Declarations, allowing: Set<String> = [],
        log: DiagnosticLog
    ) -> [String: Value]? {
        guard let entries = node.entries else {
            log.error(
                "expected a mapping of input names to values, such as `{\"monthly_income\": 85000}`, "
                    + "found \(node.kindDescription)", at: node)
            return nil
        }
        let reader = PolicyValueReader(log: log)
        var values: [String: Value] = [:]
        for entry in entries where !allowing.contains(entry.key) {
            guard let slot = declarations.slot(named: entry.key) else {
                let hint = Suggestion.hint(for: entry.key, in: declarations.names)
                log.error("`\(entry.key)` is not an input of the policy\(hint)", atKey: entry)
                continue
            }
            if let value = reader.read(entry.value, as: declarations.types[slot.index], path: entry.key) {
                values[entry.key] = value
            }
        }
        return values
    }

    /// Reports the declared inputs not in `given`, at `node`.
    static func reportMissing(_ declarations: Declarations, given: Set<String>, at node: ConfigNode, log: DiagnosticLog)
    {
        let present = Set((node.entries ?? []).map(\.key))
        let missing = declarations.names.filter { !given.contains($0) && !present.contains($0) }
        guard !missing.isEmpty else { return }
        let list = missing.map { "`\($0)`" }.joined(separator: ", ")
        log.error(
            "missing input" + (missing.count == 1 ? " " : "s ") + list, at: ConfigNode(node.content, at: node.location))
    }
}
