import Rules

/// A template's source: its name (the file name without `.xhtml`), the path diagnostics show, the text.
public struct TemplateSource: Sendable, Hashable {
    public var name: String
    public var path: String
    public var text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

/// The documents a lender issues (Key Facts Statement, NOC…), compiled from `templates/*.xhtml` when
/// the catalog loads: every template parsed strictly and type-checked against its data model, so
/// rendering can only fail on the data it is given.
public struct TemplateSet: Sendable {
    /// Compiled templates by name.
    public let templates: [String: CompiledTemplate]

    public init(templates: [String: CompiledTemplate] = [:]) { self.templates = templates }

    /// Compiles every source; returns the templates that compiled, every diagnostic of those that did
    /// not (all files, all errors), and the names of the ones that failed.
    public static func compile(_ sources: [TemplateSource]) -> (
        set: TemplateSet, diagnostics: [Diagnostic], failed: Set<String>
    ) {
        var templates: [String: CompiledTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        var failed: Set<String> = []
        var firstPath: [String: String] = [:]
        for source in sources.sorted(by: { $0.path < $1.path }) {
            if let first = firstPath[source.name] {
                let at = SourceLocation(file: source.path, line: 1, column: 1)
                diagnostics.append(Diagnostic(at: at, "another template is also named `\(source.name)` (\(first))"))
                continue
            }
            firstPath[source.name] = source.path
            switch TemplateCompiler.compile(name: source.name, text: source.text, path: source.path) {
            case .success(let template): templates[source.name] = template
            case .failure(let error):
                diagnostics += error.diagnostics
                failed.insert(source.name)
            }
        }
        return (TemplateSet(templates: templates), diagnostics, failed)
    }

    /// The template names, sorted.
    public var names: [String] { templates.keys.sorted() }

    public var count: Int { templates.count }

    public subscript(name: String) -> CompiledTemplate? { templates[name] }

    /// The document `name` for `data` (every field of the template's model, by name), as HTML.
    public func render(_ name: String, _ data: [String: Value]) throws(DocumentError) -> String {
        guard let template = templates[name] else {
            let known = names.isEmpty ? "there are none" : "known: " + names.joined(separator: ", ")
            throw DocumentError(.unknownTemplate, "no template named `\(name)` (\(known))")
        }
        return try template.render(data)
    }
}

extension CompiledTemplate {
    /// This document for `data` (every field of the model, by name), as HTML.
    public func render(_ data: [String: Value]) throws(DocumentError) -> String {
        let missing = model.fields.map(\.name).filter { data[$0] == nil }
        guard missing.isEmpty else {
            throw DocumentError(.invalidData, "the \(model.name) data lacks: " + missing.joined(separator: ", "))
        }
        var renderer = TemplateRenderer()
        try renderer.render(nodes, InputValues(model.declarations, data))
        return renderer.output
    }
}
