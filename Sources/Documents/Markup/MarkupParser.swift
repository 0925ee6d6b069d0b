import Rules
import XMLSupport

/// Reads a template's markup strictly with libxml2 (through the plain-C `XMLSupport` target, so no
/// libxml2 or ICU header reaches Swift). libxml2 rather than FoundationXML's `XMLParser`: it is the
/// same parser underneath, but called directly it reports every error with its line and column,
/// lets us refuse DTDs, entity declarations and network access outright, and tells how far a start
/// tag was read, from which the exact column of each attribute is recovered.
enum MarkupParser {
    /// The root element of `file`, or every markup error with its place.
    static func parse(_ file: SourceText) -> Result<MarkupElement, DiagnosticsError> {
        let parsed = file.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { lendline_xml_parse($0, buffer.count) }
            }
        }
        let start = SourceLocation(file: file.file, line: 1, column: 1)
        guard let document = parsed else {
            let message = file.bytes.isEmpty ? "the template is empty" : "out of memory while reading the template"
            return .failure(DiagnosticsError([Diagnostic(at: start, message)]))
        }
        defer { lendline_xml_free(document) }
        let d = document.pointee
        if d.error_count > 0 || d.incomplete != 0 {
            var diagnostics = (0..<d.error_count).map { i in
                let error = d.errors[i]
                let message = String(cString: error.message)
                let at = SourceLocation(file: file.file, line: Int(error.line), column: Int(error.column))
                guard message.hasPrefix("Opening and ending tag mismatch"), let tag = file.endTag(before: at) else {
                    return Diagnostic(at: at, "malformed markup: " + message)
                }
                return Diagnostic(at: tag.location, "malformed markup: " + message, length: tag.length)
            }
            if diagnostics.isEmpty {
                diagnostics = [Diagnostic(at: start, "the template could not be read completely")]
            }
            return .failure(DiagnosticsError(diagnostics))
        }
        guard let root = tree(d, file) else {
            return .failure(DiagnosticsError([Diagnostic(at: start, "the template has no root element")]))
        }
        return .success(root)
    }

    /// Builds the element tree from the flat records.
    private static func tree(_ d: lendline_xml_document, _ file: SourceText) -> MarkupElement? {
        var stack: [MarkupElement] = []
        var root: MarkupElement?
        for i in 0..<d.event_count {
            let event = d.events[i]
            switch event.kind {
            case LENDLINE_XML_START:
                stack.append(element(event, d, tagByte: file.tagStart(before: Int(event.offset))))
            case LENDLINE_XML_END:
                guard let finished = stack.popLast() else { continue }
                if stack.isEmpty { root = finished } else { stack[stack.count - 1].children.append(.element(finished)) }
            default:
                guard !stack.isEmpty, let text = event.text else { continue }
                stack[stack.count - 1].children.append(.text(String(cString: text)))
            }
        }
        return root
    }

    private static func element(_ event: lendline_xml_event, _ d: lendline_xml_document, tagByte: Int) -> MarkupElement
    {
        var element = MarkupElement(
            localName: string(event.local_name) ?? "", prefix: string(event.prefix),
            namespace: string(event.namespace_uri), tagByte: tagByte)
        let firstAttribute = Int(event.first_attribute)
        for a in firstAttribute..<(firstAttribute + Int(event.attribute_count)) {
            let attribute = d.attributes[a]
            element.attributes.append(
                MarkupAttribute(
                    localName: string(attribute.local_name) ?? "", prefix: string(attribute.prefix),
                    namespace: string(attribute.namespace_uri), value: string(attribute.value) ?? ""))
        }
        let firstNamespace = Int(event.first_namespace)
        for n in firstNamespace..<(firstNamespace + Int(event.namespace_count)) {
            let declaration = d.namespaces[n]
            element.namespaces.append(
                MarkupNamespace(prefix: string(declaration.prefix), uri: string(declaration.uri) ?? ""))
        }
        return element
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }
}
