import Rules

/// Reads a policy file's tree into a `PolicySource`, reporting every problem of shape into the log.
/// Expressions are left to the compiler, each located at its exact place inside its YAML string.
struct PolicyDecoder {
    let log: DiagnosticLog
    /// The name the file name demands, or `nil` to skip that check.
    let expectedName: String?
    /// Locates expression text inside the file's scalars.
    let locator: ScalarTextLocator

    static let keys = Schemas.policy.keys

    func decode(_ root: ConfigNode) -> PolicySource? {
        guard let reader = MappingReader(root, owner: nil, keys: PolicyDecoder.keys, log: log) else { return nil }
        let name = reader.required("policy", .identifier(example: "personal-loan-underwriting"))
        if let name, let expectedName, name.value != expectedName {
            log.error("the policy name `\(name.value)` must match the file name `\(expectedName).yaml`", at: name)
        }
        _ = reader.optional("description", .text)
        let defaultOutcome: Located<Outcome>? = reader.optional("default_outcome", .word("an outcome"))
        let types = reader.entry("types").map(decodeTypes) ?? []
        let inputs = reader.requiredEntry("inputs").flatMap(decodeInputs)
        let derived = reader.entry("derived").map { decodeDerived($0, isOutput: false) } ?? []
        let outputs = reader.entry("outputs").map { decodeDerived($0, isOutput: true) } ?? []
        let tables =
            reader.list("tables").map { list in
                list.items.enumerated().compactMap { decodeTable($1, number: $0 + 1, owner: list.entry) }
            } ?? []
        let rules =
            reader.list("rules").map { list in list.items.compactMap { decodeRule($0, owner: list.entry) } } ?? []
        // Without its inputs nothing else can be checked: every name would be unknown.
        guard let inputs else { return nil }
        return PolicySource(
            name: name?.value ?? expectedName ?? "policy", at: name?.location ?? root.location,
            types: types, inputs: inputs, derived: derived + outputs, tables: tables, rules: rules,
            defaultOutcome: defaultOutcome?.value ?? .approve)
    }

    /// `types: { grade: "enum(a, b)", tradeline: { emi: money, dpd: integer } }`.
    func decodeTypes(_ entry: ConfigEntry) -> [TypeDeclarationSource] {
        guard let entries = mapping(entry, example: "`grade: enum(a, b, c)`") else { return [] }
        return entries.compactMap { type in
            if let fields = type.value.entries {
                let sources = fields.compactMap { field in
                    expression(field.value, key: "types.\(type.key).\(field.key)", expected: "a type such as `money`")
                        .map {
                            FieldSource(name: field.key, at: field.keyLocation, type: $0)
                        }
                }
                return TypeDeclarationSource(name: type.key, at: type.keyLocation, .record(sources))
            }
            let expected = "`enum(…)` or a mapping of fields such as `{ emi: money, dpd: integer }`"
            guard let text = expression(type.value, key: "types.\(type.key)", expected: expected) else { return nil }
            switch RuleType.parse(text, contextName: type.key) {
            case .success(.enumeration(let values)):
                return TypeDeclarationSource(name: type.key, at: type.keyLocation, .enumeration(values.values))
            case .success:
                log.error("a named type is \(expected)", at: type.value)
            case .failure(let diagnostic):
                log.add(diagnostic)
            }
            return nil
        }
    }

    /// `inputs: { monthly_income: money, employment_type: "enum(salaried, self_employed)" }`.
    func decodeInputs(_ entry: ConfigEntry) -> [InputSource]? {
        guard let entries = mapping(entry, example: "`monthly_income: money`") else { return nil }
        return entries.compactMap { input in
            expression(input.value, key: "inputs.\(input.key)", expected: "a type such as `money`").map {
                InputSource(name: input.key, at: input.keyLocation, type: $0)
            }
        }
    }

    /// `derived:` or `outputs:`, each `name: expression`.
    func decodeDerived(_ entry: ConfigEntry, isOutput: Bool) -> [DerivedSource] {
        guard let entries = mapping(entry, example: "`foir: (existing_emi + proposed_emi) / monthly_income`") else {
            return []
        }
        return entries.compactMap { value in
            expression(
                value.value, key: "\(entry.key).\(value.key)", expected: "an expression such as `monthly_income * 12`"
            )
            .map { DerivedSource(name: value.key, at: value.keyLocation, expression: $0, isOutput: isOutput) }
        }
    }

    /// The entries of `entry`'s mapping; anything else is reported.
    func mapping(_ entry: ConfigEntry, example: String) -> [ConfigEntry]? {
        guard let entries = entry.value.entries else {
            log.error(
                "expected `\(entry.key)` to be a mapping such as \(example), found \(entry.value.kindDescription)",
                at: entry.value)
            return nil
        }
        return entries
    }

    /// The scalar `node` as located expression text; anything else is reported.
    func expression(_ node: ConfigNode, key: String, expected: String) -> ExpressionSource? {
        guard let scalar = node.scalar, !scalar.isNull else {
            log.error("expected \(expected) for `\(key)`, found \(node.kindDescription)", at: node)
            return nil
        }
        return locator.expressionSource(scalar, at: node.location)
    }
}
