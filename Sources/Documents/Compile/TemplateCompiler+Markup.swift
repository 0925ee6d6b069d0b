extension TemplateCompiler {
    /// `<name` with its namespace declarations (the template's own dropped), static attributes
    /// (escaped; those an `l:attr-NAME` sets are replaced) and dynamic attributes; no closing `>`.
    func writeStartTag(
        _ element: MarkupElement, _ directives: Directives, scope: TemplateScope, into out: inout NodeList
    ) {
        out.markup("<" + element.qualifiedName)
        for declaration in element.namespaces where declaration.uri != Self.namespace {
            out.markup(HTMLEscaping.attribute(declaration.prefix.map { "xmlns:" + $0 } ?? "xmlns", declaration.uri))
        }
        let dynamic = Set(directives.attributes.map(\.name))
        var written: [String: WrittenAttribute]?
        for attribute in element.attributes where attribute.namespace != Self.namespace {
            if HTMLVocabulary.isEventHandler(attribute.localName) {
                if written == nil { written = writtenAttributes(of: element) }
                let at =
                    written?[attribute.qualifiedName].map { file.location(at: $0.nameByte) } ?? location(of: element)
                error(
                    "documents run no scripts: `\(attribute.qualifiedName)` is not allowed", at: at,
                    length: attribute.qualifiedName.count)
                continue
            }
            guard !dynamic.contains(attribute.qualifiedName) else { continue }
            out.markup(HTMLEscaping.attribute(attribute.qualifiedName, attribute.value))
        }
        for (name, directive) in directives.attributes {
            if let binding = compilePrintable(directive, scope: scope, what: directive.name) {
                out.append(.attribute(name: name, binding))
            }
        }
    }

    /// The CSS of a `<style>`, written as it is: an HTML parser reads it without references, so it
    /// may not contain `<` (nor elements).
    func writeRawText(_ element: MarkupElement, into out: inout NodeList) {
        for child in element.children {
            switch child {
            case .text(let text) where !text.contains("<"):
                out.markup(text)
            default:
                error(
                    "<\(element.qualifiedName)> may hold only text without `<`", at: location(of: element),
                    length: 1 + element.qualifiedName.count)
                return
            }
        }
    }

    /// Refuses what an element with `l:use` would silently drop: content, attributes, `l:text`.
    func checkUseIsEmpty(_ element: MarkupElement, _ directives: Directives) {
        guard let use = directives.use else { return }
        if element.children.contains(where: { !$0.isWhitespace }) {
            error(
                "an element with l:use is replaced by the block, so it cannot have content", at: use.nameLocation,
                length: use.name.count)
        }
        let others =
            element.attributes.contains { $0.namespace != Self.namespace } || directives.text != nil
            || !directives.attributes.isEmpty
        if others {
            error(
                "an element with l:use is replaced by the block, so it can have only l:if and l:repeat besides",
                at: use.nameLocation, length: use.name.count)
        }
    }
}
