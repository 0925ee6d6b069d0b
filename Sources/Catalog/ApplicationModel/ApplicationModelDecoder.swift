import Rules

/// Reads `policies/application-model.yaml` into declarations the policy compiler checks: named
/// types as a policy writes them, and fields `{ type, source, description }`.
struct ApplicationModelDecoder {
    /// A field as written, its type not yet resolved.
    struct FieldDraft {
        let name: String
        let location: SourceLocation
        let type: ExpressionSource
        let source: ApplicationSource
        let summary: String
    }

    let log: DiagnosticLog
    let locator: ScalarTextLocator

    static let keys = Schemas.applicationModel.keys
    static let fieldKeys = Schemas.applicationModel.object("fields").keys

    /// The named types and fields of `root`; nil when it is not a mapping or has no readable `fields`.
    func decode(_ root: ConfigNode) -> (types: [TypeDeclarationSource], fields: [FieldDraft])? {
        guard let reader = MappingReader(root, owner: nil, keys: Self.keys, log: log) else { return nil }
        _ = reader.required("model", Self.modelName)
        _ = reader.optional("description", .text)
        let policyDecoder = PolicyDecoder(log: log, expectedName: nil, locator: locator)
        let types = reader.entry("types").map(policyDecoder.decodeTypes) ?? []
        guard let fields = reader.requiredEntry("fields") else { return nil }
        let example = "`monthly_income: { type: money, source: income, … }`"
        guard let entries = policyDecoder.mapping(fields, example: example) else { return nil }
        return (types, entries.compactMap { field($0, decoder: policyDecoder) })
    }

    /// `model: application`, the only model there is.
    static var modelName: ScalarParser<String> {
        ScalarParser(expected: "`application`") { text, _ in
            text == "application"
                ? .value(text) : .problem(WordMessage.unknown(text, noun: "a model", words: ["application"]))
        }
    }

    /// `monthly_income: { type: money, source: income, description: … }`.
    func field(_ entry: ConfigEntry, decoder: PolicyDecoder) -> FieldDraft? {
        guard let reader = MappingReader(entry, keys: Self.fieldKeys, log: log) else { return nil }
        let type = reader.requiredEntry("type").flatMap {
            decoder.expression($0.value, key: "\(entry.key).type", expected: "a type such as `money`")
        }
        let source: Located<ApplicationSource>? = reader.required("source", .word("a source"))
        let summary = reader.required("description", .text)
        guard let type, let source, let summary else { return nil }
        return FieldDraft(
            name: entry.key, location: entry.keyLocation, type: type, source: source.value, summary: summary.value)
    }
}
