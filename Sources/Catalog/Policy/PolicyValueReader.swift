import LoanMath
import Rules

/// Reads one value of a policy's input or output from YAML or JSON by its declared type: amounts
/// in rupees (`85000`, `"85000.50"`), rates as percentages (`"10.5%"`), dates (`"2026-03-15"`),
/// enum values as words, lists as lists and records as mappings of their fields.
///
/// Messages name the field and the expected form, never the value given: case files hold
/// borrower data.
struct PolicyValueReader {
    let log: DiagnosticLog
    var limits = CompileLimits.standard

    /// The value of `node` as `type`; `path` names it in messages (`existing_loans[2].outstanding`).
    func read(_ node: ConfigNode, as type: RuleType, path: String) -> Value? {
        switch type {
        case .list(let element):
            guard let items = node.items else { return mismatch(node, path, type) }
            guard items.count <= limits.maxListLength else {
                log.error("`\(path)` has \(items.count) items; at most \(limits.maxListLength) are allowed", at: node)
                return nil
            }
            let values = items.enumerated().map { i, item in read(item, as: element, path: "\(path)[\(i)]") }
            let complete = values.compactMap { $0 }
            return complete.count == values.count ? .list(complete) : nil
        case .record(let record):
            return readRecord(node, record, path: path)
        default:
            guard let scalar = node.scalar, !scalar.isNull, let value = PolicyValueReader.scalar(scalar.text, as: type)
            else {
                return mismatch(node, path, type)
            }
            return value
        }
    }

    /// A record: exactly its declared fields, each read by its type.
    func readRecord(_ node: ConfigNode, _ record: RecordType, path: String) -> Value? {
        guard let entries = node.entries else { return mismatch(node, path, .record(record)) }
        let names = record.fields.map(\.name)
        var given: [String: Value] = [:]
        var complete = true
        for entry in entries {
            guard let field = record.fields.first(where: { $0.name == entry.key }) else {
                let hint = Suggestion.hint(for: entry.key, in: names)
                log.error(
                    "`\(path)` has no field `\(entry.key)`\(hint) (fields: \(names.joined(separator: ", ")))",
                    atKey: entry)
                complete = false
                continue
            }
            if let value = read(entry.value, as: field.type, path: "\(path).\(entry.key)") {
                given[field.name] = value
            } else {
                complete = false
            }
        }
        let written = Set(entries.map(\.key))
        let missing = names.filter { !written.contains($0) }
        if !missing.isEmpty {
            log.error("`\(path)` is missing " + missing.map { "`\($0)`" }.joined(separator: ", "), at: node)
            return nil
        }
        return complete ? .record(RecordValue(names.map { ($0, given[$0]!) })) : nil
    }

    func mismatch(_ node: ConfigNode, _ path: String, _ type: RuleType) -> Value? {
        var message = "`\(path)` must be \(PolicyValueReader.expected(type))"
        if case .enumeration(let e) = type, let text = node.scalar?.text {
            message += Suggestion.hint(for: text, in: e.values)
        }
        log.error(message, at: node)
        return nil
    }

    /// The value `text` stands for as `type`, or nil when it is not one.
    static func scalar(_ text: String, as type: RuleType) -> Value? {
        switch type {
        case .bool:
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case .integer:
            guard DecimalText.isPlain(text), !text.contains("."), let n = Int64(text) else { return nil }
            return .integer(n)
        case .decimal:
            guard DecimalText.isPlain(text), let d = ExactDecimal(parsing: text) else { return nil }
            return .decimal(d)
        case .money:
            guard DecimalText.isPlain(text), DecimalText.places(text) <= 2, let d = ExactDecimal(parsing: text) else {
                return nil
            }
            return .money(d)
        case .rate:
            let trimmed = DecimalText.trimmed(text)
            guard trimmed.hasSuffix("%") else { return nil }
            let number = DecimalText.trimmed(String(trimmed.dropLast()))
            return DecimalText.isPlain(number) ? Value.percent(number) : nil
        case .date:
            return LocalDate(iso: text).map(Value.date)
        case .string:
            return .string(text)
        case .enumeration(let e):
            return e.values.contains(text) ? .string(text) : nil
        case .list, .record:
            return nil
        }
    }

    /// What a value of `type` looks like, for messages.
    static func expected(_ type: RuleType) -> String {
        switch type {
        case .bool: return "`true` or `false`"
        case .integer: return "a whole number such as `36`"
        case .decimal: return "a number such as `0.42`"
        case .money: return "an amount in rupees such as `85000` or `85000.50`"
        case .rate: return "a percentage such as `10.5%`"
        case .date: return "a date such as `2026-03-15`"
        case .string: return "some text"
        case .enumeration(let e): return "one of " + e.values.joined(separator: ", ")
        case .list(let element): return "a list of \(element) values"
        case .record(let r): return "a mapping of the fields " + r.fields.map(\.name).joined(separator: ", ")
        }
    }
}
