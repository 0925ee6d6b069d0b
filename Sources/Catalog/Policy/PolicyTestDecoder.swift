import Rules

/// Reads a policy test file against the compiled policy it names: inputs must be the policy's
/// declared inputs with values of their types, expected outputs its outputs, expected reasons
/// reason codes its rules give.
struct PolicyTestDecoder {
    let log: DiagnosticLog

    static let keys = Schemas.policyTests.keys
    static let caseKeys = Schemas.policyTests.object("cases").keys
    static let expectKeys = Schemas.policyExpectation.keys

    /// The suite in `root`, file `file`; nil when the policy it names is unknown or did not compile
    /// (`failed` names those whose own errors are already reported).
    func decode(
        _ root: ConfigNode, file: String, policies: [String: LoadedPolicy],
        failed: Set<String>
    ) -> PolicyTestSuite? {
        guard let reader = MappingReader(root, owner: nil, keys: PolicyTestDecoder.keys, log: log) else { return nil }
        let name = reader.required("policy", .identifier(example: "personal-loan-underwriting"))
        _ = reader.optional("description", .text)
        let cases = reader.requiredEntry("cases")
        guard let name else { return nil }
        guard let policy = policies[name.value] else {
            if !failed.contains(name.value) {
                let known = policies.keys.sorted()
                let list = known.isEmpty ? "there are none in policies/" : "known: " + known.joined(separator: ", ")
                log.error(
                    "unknown policy `\(name.value)`\(Suggestion.hint(for: name.value, in: known)) (\(list))", at: name)
            }
            return nil
        }
        let declarations = policy.compiled.declarations
        let baseEntry = reader.entry("inputs")
        let base = baseEntry.flatMap { PolicyInputReader.values($0.value, declarations: declarations, log: log) } ?? [:]
        let baseNames = Set(baseEntry?.value.entries?.map(\.key) ?? [])
        guard let cases else { return nil }
        guard let items = cases.value.items else {
            log.error("expected `cases` to be a list of cases, found \(cases.value.kindDescription)", at: cases.value)
            return nil
        }
        let decoded = items.compactMap {
            decodeCase($0, owner: cases, policy: policy, base: base, baseNames: baseNames)
        }
        return PolicyTestSuite(file: name.location.file, policy: name.value, cases: decoded)
    }

    /// One case: `{ name, inputs, expect }`; its inputs complete the file's `inputs`.
    func decodeCase(
        _ item: ConfigNode, owner: ConfigEntry, policy: LoadedPolicy, base: [String: Value],
        baseNames: Set<String>
    ) -> PolicyTestCase? {
        guard
            let reader = MappingReader(item, owner: owner, keys: PolicyTestDecoder.caseKeys, log: log, isListItem: true)
        else { return nil }
        let name = reader.required("name", .text)
        let declarations = policy.compiled.declarations
        var values = base
        var given = baseNames
        if let entry = reader.entry("inputs") {
            let own = PolicyInputReader.values(entry.value, declarations: declarations, log: log) ?? [:]
            values.merge(own) { $1 }
            given.formUnion(entry.value.entries?.map(\.key) ?? [])
        }
        let missing = declarations.names.filter { !given.contains($0) }
        if !missing.isEmpty {
            let list = missing.map { "`\($0)`" }.joined(separator: ", ")
            log.error(
                "the case does not give input\(missing.count == 1 ? "" : "s") \(list) (nor does the file's `inputs`)",
                at: ConfigNode(item.content, at: item.location))
        }
        let expectation = reader.requiredEntry("expect").flatMap { decodeExpectation($0, policy) }
        guard let name, let expectation, missing.isEmpty else { return nil }
        return PolicyTestCase(
            name: name.value, location: item.location, inputs: InputValues(declarations, values),
            expectation: expectation)
    }

    /// `expect: { outcome, reasons, outputs }`; at least one must be given.
    func decodeExpectation(_ entry: ConfigEntry, _ policy: LoadedPolicy) -> PolicyExpectation? {
        guard let reader = MappingReader(entry, keys: PolicyTestDecoder.expectKeys, log: log) else { return nil }
        let outcome: Located<Outcome>? = reader.optional("outcome", .word("an outcome"))
        let reasons = reader.list("reasons").map { list in
            list.items.compactMap { item -> String? in
                guard let code = MappingReader.read(item, key: "reasons", PolicyDecoder.reasonCode, log: log) else {
                    return nil
                }
                guard policy.reasonCodes.contains(code.value) else {
                    let hint = Suggestion.hint(for: code.value, in: policy.reasonCodes)
                    log.error(
                        "no rule of policy `\(policy.compiled.name)` gives the reason `\(code.value)`\(hint)", at: code)
                    return nil
                }
                return code.value
            }
        }
        let outputs = reader.entry("outputs").map(decodeOutputs(policy)) ?? []
        if outcome == nil, reasons == nil, reader.entry("outputs") == nil {
            log.error("`expect` checks nothing; give `outcome`, `reasons` or `outputs`", atKey: entry)
        }
        return PolicyExpectation(outcome: outcome?.value, reasons: reasons, outputs: outputs)
    }

    /// `outputs: { interest_rate: 12.5%, max_amount: 500000 }`, each read by the output's type.
    func decodeOutputs(_ policy: LoadedPolicy) -> (ConfigEntry) -> [(name: String, value: Value)] {
        { entry in
            guard let entries = entry.value.entries else {
                log.error(
                    "expected `outputs` to be a mapping such as `{ interest_rate: 12.5% }`, "
                        + "found \(entry.value.kindDescription)", at: entry.value)
                return []
            }
            let types = policy.compiled.outputTypes
            let reader = PolicyValueReader(log: log)
            return entries.compactMap { output in
                guard let type = types[output.key] else {
                    let names = types.keys.sorted()
                    let list = names.isEmpty ? "it has none" : "outputs: " + names.joined(separator: ", ")
                    log.error(
                        "`\(output.key)` is not an output of policy `\(policy.compiled.name)`"
                            + "\(Suggestion.hint(for: output.key, in: names)) (\(list))", atKey: output)
                    return nil
                }
                return reader.read(output.value, as: type, path: "outputs.\(output.key)").map { (output.key, $0) }
            }
        }
    }
}
