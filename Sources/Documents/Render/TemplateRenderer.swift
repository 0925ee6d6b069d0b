import Rules

/// Writes a compiled template's nodes for one set of data. Values are formatted and escaped; the
/// output depends only on the template and the data.
struct TemplateRenderer {
    var output = ""

    mutating func render(_ nodes: [TemplateNode], _ inputs: InputValues) throws(DocumentError) {
        for node in nodes {
            switch node {
            case .markup(let text):
                output += text
            case .value(let binding):
                output += HTMLEscaping.text(try Self.text(binding, inputs))
            case .attribute(let name, let binding):
                let value = try Self.evaluate(binding, inputs)
                if value == .bool(false) { continue }
                let text = value == .bool(true) ? name : try Self.text(binding, inputs, value)
                output += HTMLEscaping.attribute(name, text)
            case .section(let section):
                try render(section, inputs)
            }
        }
    }

    private mutating func render(_ section: TemplateSection, _ inputs: InputValues) throws(DocumentError) {
        guard let loop = section.loop else {
            if try passes(section.condition, inputs) { try render(section.body, inputs) }
            return
        }
        guard case .list(let items) = try Self.evaluate(loop.list, inputs) else {
            throw DocumentError(.evaluation, at: loop.list.location, "l:repeat did not get a list")
        }
        var inner = InputValues(loop.body.declarations)
        for slot in loop.body.slots where slot != loop.item { inner[slot] = inputs[slot] }
        for item in items {
            inner[loop.item] = item
            if try passes(section.condition, inner) { try render(section.body, inner) }
        }
    }

    private func passes(_ condition: TemplateBinding?, _ inputs: InputValues) throws(DocumentError) -> Bool {
        guard let condition else { return true }
        return try Self.evaluate(condition, inputs) == .bool(true)
    }

    static func evaluate(_ binding: TemplateBinding, _ inputs: InputValues) throws(DocumentError) -> Value {
        do {
            return try binding.expression.evaluate(inputs)
        } catch {
            let kind: DocumentError.Kind
            switch error.kind {
            case .missingInput, .invalidInput: kind = .invalidData
            default: kind = .evaluation
            }
            throw DocumentError(kind, at: binding.location, error.message)
        }
    }

    static func text(_ binding: TemplateBinding, _ inputs: InputValues, _ known: Value? = nil) throws(DocumentError)
        -> String
    {
        let value: Value
        if let known { value = known } else { value = try evaluate(binding, inputs) }
        guard let text = DocumentFormat.text(value) else {
            throw DocumentError(.invalidData, at: binding.location, "the amount is not in whole paise")
        }
        return text
    }
}
