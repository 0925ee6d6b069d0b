extension TemplateCompiler {
    /// Deepest nesting of blocks using blocks.
    static let maxBlockDepth = 16

    /// Finds every `l:define` in the template; a name defined twice is an error.
    func collectBlocks(_ element: MarkupElement, isRoot: Bool) {
        if !isRoot,
            let attribute = element.attributes.first(where: {
                $0.namespace == Self.namespace && $0.localName == "define"
            })
        {
            let written = writtenAttributes(of: element)[attribute.qualifiedName]
            let at = written.map { file.location(at: $0.value.runs[0].byte) } ?? location(of: element)
            if !RepeatClause.isBlockName(attribute.value) {
                error("a block's name is a word such as `letterhead`", at: at, length: max(1, attribute.value.count))
            } else if let first = blocks[attribute.value] {
                error(
                    "block `\(attribute.value)` is defined twice (first at line \(location(of: first).line))", at: at,
                    length: attribute.value.count)
            } else {
                blocks[attribute.value] = element
            }
        }
        for case .element(let child) in element.children { collectBlocks(child, isRoot: false) }
    }

    /// The block named by `use`, compiled in the scope where it is used.
    func expandBlock(_ use: Directive, scope: TemplateScope, into out: inout NodeList) {
        let name = use.value
        let at = use.valueLocation(in: file)
        guard let block = blocks[name] else {
            let known = blocks.keys.sorted()
            let list =
                known.isEmpty
                ? "this template defines none: mark an element with l:define=\"name\""
                : "defined: " + known.joined(separator: ", ")
            error("unknown block `\(name)`\(Self.hint(name, known)) (\(list))", at: at, length: max(1, name.count))
            return
        }
        guard !expanding.contains(name) else {
            error(
                "block `\(name)` uses itself (\((expanding + [name]).joined(separator: " → ")))", at: at,
                length: name.count)
            return
        }
        guard expanding.count < Self.maxBlockDepth else {
            error("blocks nest more than \(Self.maxBlockDepth) deep", at: at, length: name.count)
            return
        }
        usedBlocks.insert(name)
        expanding.append(name)
        compileElement(block, scope: scope, role: .block, into: &out)
        expanding.removeLast()
    }

    /// Blocks no element uses are still checked, against the model's fields.
    func checkUnusedBlocks(scope: TemplateScope) {
        for name in blocks.keys.sorted() where !usedBlocks.contains(name) {
            guard let block = blocks[name] else { continue }
            usedBlocks.insert(name)
            expanding = [name]
            var discarded = NodeList()
            compileElement(block, scope: scope, role: .block, into: &discarded)
            expanding = []
        }
    }
}

extension RepeatClause {
    /// A block's name: a letter or `_`, then letters, digits, `_` or `-`.
    static func isBlockName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }
}
