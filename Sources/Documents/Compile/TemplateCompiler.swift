import Rules

/// Checks one template against its model and compiles it: every problem in the file is reported,
/// each at its place. Stages: markup (libxml2) → template attributes read and checked → expressions
/// type-checked against the model → nodes with static markup pre-escaped.
final class TemplateCompiler {
    /// The namespace of template attributes and elements, conventionally bound to the prefix `l`.
    static let namespace = "https://lendline.dev/template"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    /// Most elements a template may compile to, reusable blocks expanded.
    static let maxElements = 50_000

    let file: SourceText
    var diagnostics: [Diagnostic] = []
    /// `l:define` blocks by name, and those expanded so far.
    var blocks: [String: MarkupElement] = [:]
    var usedBlocks: Set<String> = []
    /// Blocks being expanded, outermost first (to refuse a block that uses itself).
    var expanding: [String] = []
    var elementCount = 0

    init(file: SourceText) { self.file = file }

    /// The template in `text`, called `name`, read from `path`; or all of its diagnostics.
    static func compile(name: String, text: String, path: String) -> Result<CompiledTemplate, DiagnosticsError> {
        let file = SourceText(text, file: path)
        let root: MarkupElement
        switch MarkupParser.parse(file) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): root = parsed
        }
        let compiler = TemplateCompiler(file: file)
        let compiled = compiler.compileDocument(root, name: name)
        var seen: Set<Diagnostic> = []
        let unique = compiler.diagnostics.filter { seen.insert($0).inserted }
        guard unique.isEmpty, let compiled else {
            return .failure(
                DiagnosticsError(unique.isEmpty ? [Diagnostic(at: file.location(at: 0), "invalid template")] : unique))
        }
        return .success(compiled)
    }

    /// The root: `<html>` naming its model, then the document.
    private func compileDocument(_ root: MarkupElement, name: String) -> CompiledTemplate? {
        let rootAt = file.location(at: root.tagByte)
        guard root.localName == "html", root.namespace == Self.xhtmlNamespace else {
            error(
                "the root element must be <html xmlns=\"\(Self.xhtmlNamespace)\">", at: rootAt,
                length: 1 + root.qualifiedName.count)
            return nil
        }
        for declaration in root.namespaces where declaration.prefix == "l" && declaration.uri != Self.namespace {
            error(
                "the prefix l is for template attributes: declare it as xmlns:l=\"\(Self.namespace)\"", at: rootAt,
                length: 5)
        }
        guard let model = model(of: root) else { return nil }
        collectBlocks(root, isRoot: true)
        let scope = TemplateScope(model: model)
        var nodes = NodeList()
        nodes.markup("<!DOCTYPE html>\n")
        compileElement(root, scope: scope, role: .root, into: &nodes)
        nodes.markup("\n")
        checkUnusedBlocks(scope: scope)
        return CompiledTemplate(name: name, model: model, nodes: nodes.finished)
    }

    /// The model named by the root's `l:model`, or nil after reporting why there is none.
    private func model(of root: MarkupElement) -> DocumentModel? {
        let known = DocumentModel.all.keys.sorted()
        let list = known.joined(separator: ", ")
        guard
            let attribute = root.attributes.first(where: { $0.namespace == Self.namespace && $0.localName == "model" })
        else {
            error(
                "the root element needs l:model naming the document's data model (one of: \(list)) "
                    + "and xmlns:l=\"\(Self.namespace)\"", at: file.location(at: root.tagByte), length: 5)
            return nil
        }
        guard let model = DocumentModel.all[attribute.value] else {
            let written = writtenAttributes(of: root)[attribute.qualifiedName]
            let at = written.map { file.location(at: $0.value.runs[0].byte) } ?? file.location(at: root.tagByte)
            error(
                "unknown document model `\(attribute.value)`\(Self.hint(attribute.value, known)) (known: \(list))",
                at: at, length: attribute.value.count)
            return nil
        }
        return model
    }

    /// What an element is compiled as: the root, a block expanded where it is used, or any other.
    enum Role { case root, block, content }

    /// Compiles `element` in `scope`, appending its nodes to `out`.
    func compileElement(_ element: MarkupElement, scope: TemplateScope, role: Role, into out: inout NodeList) {
        elementCount += 1
        guard elementCount <= Self.maxElements else {
            if elementCount == Self.maxElements + 1 {
                error("the template expands to more than \(Self.maxElements) elements", at: location(of: element))
            }
            return
        }
        let directives = readDirectives(element, role: role)
        if directives.define != nil, role == .content { return }  // rendered where it is used
        if element.namespace == Self.namespace, element.localName != "block" {
            error(
                "unknown template element <\(element.qualifiedName)>; the only one is <l:block>",
                at: location(of: element),
                length: 1 + element.qualifiedName.count)
            return
        }
        var inner = scope
        var loop: TemplateLoop?
        if let clause = directives.repeatClause {
            guard let compiled = compileLoop(clause, scope: scope) else { return }
            loop = compiled
            inner = compiled.body
        }
        let condition = directives.condition.flatMap { compileCondition($0, scope: inner) }
        var body = NodeList()
        compileTagAndContent(element, directives, scope: inner, into: &body)
        if loop == nil, directives.condition == nil {
            out.append(contentsOf: body)
        } else {
            out.append(.section(TemplateSection(loop: loop, condition: condition, body: body.finished)))
        }
    }

    /// The start tag, its attributes, the content and the end tag (or a used block in their place).
    private func compileTagAndContent(
        _ element: MarkupElement, _ directives: Directives, scope: TemplateScope,
        into out: inout NodeList
    ) {
        if let use = directives.use {
            checkUseIsEmpty(element, directives)
            expandBlock(use, scope: scope, into: &out)
            return
        }
        let writesTag = element.namespace != Self.namespace
        if writesTag, HTMLVocabulary.refusedElements.contains(element.localName) {
            error(
                "<\(element.qualifiedName)> is not allowed in a document (documents run and embed nothing active)",
                at: location(of: element), length: 1 + element.qualifiedName.count)
            return
        }
        if writesTag { writeStartTag(element, directives, scope: scope, into: &out) }
        let isVoid = writesTag && HTMLVocabulary.voidElements.contains(element.localName)
        if isVoid {
            if element.children.contains(where: { !$0.isWhitespace }) || directives.text != nil {
                error(
                    "<\(element.qualifiedName)> is an empty element and cannot have content", at: location(of: element))
            }
            out.markup(" />")
            return
        }
        if writesTag { out.markup(">") }
        if let text = directives.text {
            if element.children.contains(where: \.isElement) {
                error(
                    "l:text replaces the element's content, so it cannot hold other elements", at: text.nameLocation,
                    length: text.name.count)
            }
            if let binding = compilePrintable(text, scope: scope, what: "l:text") { out.append(.value(binding)) }
        } else if writesTag, HTMLVocabulary.rawTextElements.contains(element.localName) {
            writeRawText(element, into: &out)
        } else {
            for child in element.children {
                switch child {
                case .text(let text): out.markup(HTMLEscaping.staticText(text))
                case .element(let nested): compileElement(nested, scope: scope, role: .content, into: &out)
                }
            }
        }
        if writesTag { out.markup("</\(element.qualifiedName)>") }
    }

    // MARK: - Reporting

    func error(_ message: String, at location: SourceLocation, length: Int = 1) {
        diagnostics.append(Diagnostic(at: location, message, length: length))
    }

    /// Where the element's start tag begins (its `<`).
    func location(of element: MarkupElement) -> SourceLocation { file.location(at: element.tagByte) }

    /// `; did you mean `x`?` when a known word is close to `word`.
    static func hint(_ word: String, _ known: [String], prefix: String = "") -> String {
        let limit = max(1, min(3, word.count / 3))
        let best = known.map { ($0, Spelling.distance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= limit && $0.0 != word }.min { $0.1 < $1.1 }
        return best.map { "; did you mean `\(prefix)\($0.0)`?" } ?? ""
    }
}

extension MarkupNode {
    var isWhitespace: Bool {
        if case .text(let text) = self { return text.allSatisfy(\.isWhitespace) }
        return false
    }

    var isElement: Bool {
        if case .element = self { return true }
        return false
    }
}
