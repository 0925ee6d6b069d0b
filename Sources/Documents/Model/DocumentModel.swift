import Rules

/// The data one kind of document is rendered from (a Key Facts Statement, a No Objection
/// Certificate): named, typed fields, each with a line of help. A template names its model on its
/// root element (`l:model="kfs"`) and every expression in it is type-checked against these fields.
///
/// Models are declared here, in Swift, because the system fills them: a template can only show data
/// that servicing and origination actually produce. `templates/README.md` lists every field.
public struct DocumentModel: Sendable {
    /// One field of a model.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: RuleType
        /// What the field holds, in the lender's words.
        public var help: String

        public init(_ name: String, _ type: RuleType, _ help: String) {
            self.name = name
            self.type = type
            self.help = help
        }
    }

    /// The name templates use in `l:model`.
    public let name: String
    /// What the document is, in one line.
    public let summary: String
    public let fields: [Field]
    /// The fields as declared inputs of the rules language.
    public let declarations: Declarations

    public init(name: String, summary: String, fields: [Field]) {
        self.name = name
        self.summary = summary
        self.fields = fields
        var declarations = Declarations()
        for field in fields { declarations.declare(field.name, field.type) }
        self.declarations = declarations
    }

    /// Every model a template may name, by name.
    public static let all: [String: DocumentModel] = Dictionary(
        uniqueKeysWithValues: [
            DocumentModel.keyFactsStatement, .noObjectionCertificate, .sanctionLetter, .summaryBox, .loanStatement,
        ].map { ($0.name, $0) })

    /// The model's fields as a Markdown table, then its record types, for `templates/README.md`.
    public var reference: String {
        var lines = ["| field | type | holds |", "|---|---|---|"]
        for field in fields { lines.append("| `\(field.name)` | \(Self.describe(field.type)) | \(field.help) |") }
        var records: [RecordType] = []
        for field in fields { Self.collectRecords(field.type, into: &records) }
        if !records.isEmpty { lines.append("") }
        for record in records {
            let list = record.fields.map { "`\($0.name)` \(Self.describe($0.type))" }.joined(separator: ", ")
            lines.append("- `\(record.name ?? "record")`: \(list)")
        }
        return lines.joined(separator: "\n")
    }

    /// A type in words for the reference: `list of installment`, `one of `fixed`, `floating``.
    static func describe(_ type: RuleType) -> String {
        switch type {
        case .list(let element): return "list of " + describe(element)
        case .record(let record): return record.name ?? "record"
        case .enumeration(let e): return "one of " + e.values.map { "`\($0)`" }.joined(separator: ", ")
        default: return type.description
        }
    }

    /// The record types inside `type`, outer before inner, each once.
    static func collectRecords(_ type: RuleType, into records: inout [RecordType]) {
        switch type {
        case .list(let element): collectRecords(element, into: &records)
        case .record(let record):
            guard !records.contains(record) else { return }
            records.append(record)
            for field in record.fields { collectRecords(field.type, into: &records) }
        default: return
        }
    }
}
