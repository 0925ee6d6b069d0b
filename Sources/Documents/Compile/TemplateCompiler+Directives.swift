import Rules

/// A template attribute on an element (`l:if="…"`): its name, value and where both are written.
struct Directive {
    var name: String
    var value: String
    var nameLocation: SourceLocation
    /// The value as written, mapped to the file; nil only if the start tag could not be scanned.
    var written: AttributeText?

    /// The value (or its part from scalar `start`) as an expression mapped to the file.
    func source(in file: SourceText, from start: Int = 0) -> ExpressionSource {
        if let written { return written.source(in: file, from: start) }
        return ExpressionSource(String(value.unicodeScalars.dropFirst(start)), at: nameLocation)
    }

    /// The value as the expression compiler sees it (offsets in it map to the file).
    var text: String { written?.text ?? value }

    /// Where the value's first character is.
    func valueLocation(in file: SourceText) -> SourceLocation { source(in: file).location }
}

/// The template attributes of one element, read and checked for where they may appear.
struct Directives {
    var define: Directive?
    var use: Directive?
    var condition: Directive?
    var repeatClause: Directive?
    var text: Directive?
    /// `l:attr-NAME` by the attribute NAME they set.
    var attributes: [(name: String, directive: Directive)] = []
}

extension TemplateCompiler {
    /// Template attributes a template may use, for "did you mean" hints.
    static let directiveNames = ["model", "define", "use", "if", "repeat", "text", "attr-"]

    /// Reads the template attributes of `element`; unknown ones and misplaced ones are reported.
    func readDirectives(_ element: MarkupElement, role: Role) -> Directives {
        var directives = Directives()
        let template = element.attributes.filter { $0.namespace == Self.namespace }
        guard !template.isEmpty else { return directives }
        let written = writtenAttributes(of: element)
        for attribute in template {
            let found = written[attribute.qualifiedName]
            let directive = Directive(
                name: attribute.qualifiedName, value: attribute.value,
                nameLocation: found.map { file.location(at: $0.nameByte) } ?? location(of: element),
                written: found?.value)
            let prefix = attribute.prefix ?? "l"
            switch attribute.localName {
            case "model":
                if role != .root { misplaced(directive, "l:model belongs on the root <html> element") }
            case "define":
                if role == .root {
                    misplaced(directive, "the root element cannot be a block")
                } else {
                    directives.define = directive
                }
            case "use", "if", "repeat", "text":
                if role == .root {
                    misplaced(directive, "the root element cannot have \(directive.name); put it on an element inside")
                    continue
                }
                switch attribute.localName {
                case "use": directives.use = directive
                case "if": directives.condition = directive
                case "repeat": directives.repeatClause = directive
                default: directives.text = directive
                }
            case let name where name.hasPrefix("attr-"):
                let target = String(name.dropFirst(5))
                if checkAttributeName(target, directive) { directives.attributes.append((target, directive)) }
            default:
                let hint = Self.hint(attribute.localName, Self.directiveNames, prefix: prefix + ":")
                error(
                    "unknown template attribute `\(directive.name)`\(hint) (known: "
                        + Self.directiveNames.map { prefix + ":" + ($0 == "attr-" ? "attr-NAME" : $0) }.joined(
                            separator: ", ") + ")",
                    at: directive.nameLocation, length: directive.name.count)
            }
        }
        return directives
    }

    /// The attributes of `element` as written in its start tag, by qualified name.
    func writtenAttributes(of element: MarkupElement) -> [String: WrittenAttribute] {
        var byName: [String: WrittenAttribute] = [:]
        for attribute in StartTagScanner.attributes(in: file, tagAt: element.tagByte)
        where byName[attribute.name] == nil {
            byName[attribute.name] = attribute
        }
        return byName
    }

    private func misplaced(_ directive: Directive, _ message: String) {
        error(message, at: directive.nameLocation, length: directive.name.count)
    }

    /// Whether `name` may be set by `l:attr-NAME`: an XML name, and never an event handler.
    private func checkAttributeName(_ name: String, _ directive: Directive) -> Bool {
        let scalars = Array(name.unicodeScalars)
        let valid =
            !scalars.isEmpty
            && scalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_.".unicodeScalars.contains($0) }
            && scalars[0].properties.isAlphabetic
        guard valid else {
            misplaced(directive, "`\(directive.name)` must name the attribute it sets, e.g. l:attr-href")
            return false
        }
        guard !HTMLVocabulary.isEventHandler(name) else {
            misplaced(directive, "documents run no scripts: `\(name)` cannot be set")
            return false
        }
        return true
    }
}
