import Rules

extension PolicyDecoder {
    static let tableKeys = Schemas.table.keys
    static let tableOutputKeys = Schemas.tableOutput.keys

    /// One table: `{ id, description, hit, inputs, outputs, rows }`. A table whose id or hit policy
    /// cannot be read stands in as `table N` / `first`, so the rest of the policy is still checked
    /// without reporting its outputs as unknown names. Rows are read only when the columns and
    /// outputs were, so that a misspelt `inputs` does not make every row the wrong length.
    func decodeTable(_ item: ConfigNode, number: Int, owner: ConfigEntry) -> DecisionTableSource? {
        guard let reader = MappingReader(item, owner: owner, keys: PolicyDecoder.tableKeys, log: log, isListItem: true)
        else { return nil }
        let id = reader.required("id", .identifier(example: "pricing"))
        _ = reader.optional("description", .text)
        let hit = reader.required("hit", PolicyDecoder.hitPolicy)
        let errorsBefore = log.diagnostics.count
        let inputs = reader.requiredEntry("inputs").map(decodeColumns) ?? []
        let outputs = reader.requiredEntry("outputs").map(decodeTableOutputs) ?? []
        let shapeRead = log.diagnostics.count == errorsBefore
        let rowsEntry = reader.requiredEntry("rows")
        guard shapeRead || !outputs.isEmpty else { return nil }
        let rows = shapeRead ? rowsEntry.map { TableRowsReader(log: log, locator: locator).rows($0) } ?? [] : []
        return DecisionTableSource(
            id: id?.value ?? "table \(number)", at: id?.location ?? item.location,
            hitPolicy: hit?.value ?? .first, inputs: inputs, outputs: outputs, rows: rows)
    }

    /// `inputs: [bureau_score, employment_type]`: the expression each input column tests.
    func decodeColumns(_ entry: ConfigEntry) -> [ExpressionSource] {
        guard let items = entry.value.items else {
            log.error(
                "expected `inputs` to be a list of expressions such as `[bureau_score, employment_type]`, "
                    + "found \(entry.value.kindDescription)", at: entry.value)
            return []
        }
        return items.compactMap { expression($0, key: "inputs", expected: "an expression such as `bureau_score`") }
    }

    /// `outputs: { interest_rate: { type: rate, default: 24% }, income_multiple: integer }`.
    func decodeTableOutputs(_ entry: ConfigEntry) -> [TableOutputSource] {
        guard let entries = mapping(entry, example: "`interest_rate: { type: rate, default: 24% }`") else { return [] }
        return entries.compactMap { output in
            if output.value.entries == nil {
                return expression(output.value, key: "outputs.\(output.key)", expected: "a type such as `rate`").map {
                    TableOutputSource(name: output.key, at: output.keyLocation, type: $0)
                }
            }
            guard let reader = MappingReader(output, keys: PolicyDecoder.tableOutputKeys, log: log),
                let type = reader.requiredEntry("type").flatMap({
                    expression($0.value, key: "\(output.key).type", expected: "a type such as `rate`")
                })
            else { return nil }
            let fallback = reader.entry("default").flatMap {
                expression($0.value, key: "\(output.key).default", expected: "a value such as `24%`")
            }
            return TableOutputSource(name: output.key, at: output.keyLocation, type: type, defaultValue: fallback)
        }
    }

    /// The hit policy words the schema lists: `unique`, `first`, `priority`, `collect`, `collect sum|min|max`.
    static var hitPolicy: ScalarParser<HitPolicy> {
        let words = ["unique", "first", "priority", "collect", "collect sum", "collect min", "collect max"]
        return ScalarParser(expected: "a hit policy") { text, _ in
            if words.contains(text), let hit = HitPolicy(parsing: text) { return .value(hit) }
            return .problem(WordMessage.unknown(text, noun: "a hit policy", words: words))
        }
    }
}
