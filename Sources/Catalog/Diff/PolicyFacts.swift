import Rules

/// A policy as labelled facts in a credit-risk team's words ("rule foir-cap" →
/// "when foir > 55% → reject (FOIR_HIGH)"; "pricing row 3" → "720..749, salaried → 13.5%").
enum PolicyFacts {
    /// The facts of the policy file `source` as written, or none when it does not read.
    static func facts(_ source: ConfigSource) -> [(label: String, value: String)] {
        guard case .success(let policy) = PolicyLoader.source(source, expectedID: nil) else { return [] }
        var facts: [(String, String)] = [("default outcome", policy.defaultOutcome.rawValue)]
        for input in policy.inputs { facts.append(("input \(input.name)", input.type.text)) }
        for value in policy.derived { facts.append(("derived \(value.name)", value.expression.text)) }
        for rule in policy.rules {
            facts.append(("rule \(rule.id)", "when \(rule.when.text) → \(rule.outcome.rawValue) (\(rule.reasonCode))"))
        }
        for table in policy.tables {
            facts.append(("table \(table.id)", "\(table.hitPolicy), \(table.rows.count) rows"))
            for (index, row) in table.rows.enumerated() {
                let cells = row.inputs.map(\.text).joined(separator: ", ") + " → " + row.outputs.map(\.text).joined(separator: ", ")
                facts.append(("\(table.id) row \(row.id ?? String(index + 1))", cells))
            }
        }
        return facts
    }
}
