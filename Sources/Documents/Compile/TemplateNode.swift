import Rules

/// One piece of a compiled template, rendered in order.
enum TemplateNode: Sendable {
    /// Markup written as it is: static tags and text, already escaped.
    case markup(String)
    /// `l:text`: a value, formatted and escaped.
    case value(TemplateBinding)
    /// `l:attr-NAME`: ` NAME="value"`, or nothing for a false bool.
    case attribute(name: String, TemplateBinding)
    /// An element with `l:repeat` or `l:if`: its markup, once per item that passes the condition.
    case section(TemplateSection)
}

/// A compiled expression and where it is written, for render-time errors.
struct TemplateBinding: Sendable {
    var expression: CompiledExpression
    var location: SourceLocation
}

/// `l:repeat="item in list"` compiled: the list, and the scope of the body with the item's slot.
struct TemplateLoop: Sendable {
    var list: TemplateBinding
    var body: TemplateScope
    var item: InputSlot
}

/// An element's markup guarded by a loop and/or a condition (the condition is tested per item).
struct TemplateSection: Sendable {
    var loop: TemplateLoop?
    var condition: TemplateBinding?
    var body: [TemplateNode]
}

/// Nodes being compiled; consecutive markup is merged into one string.
struct NodeList {
    private(set) var nodes: [TemplateNode] = []
    private var pending = ""

    mutating func markup(_ text: String) { pending += text }

    mutating func append(_ node: TemplateNode) {
        flush()
        nodes.append(node)
    }

    mutating func append(contentsOf other: NodeList) {
        for node in other.finished {
            if case .markup(let text) = node { markup(text) } else { append(node) }
        }
    }

    /// The nodes with any pending markup written.
    var finished: [TemplateNode] {
        var copy = self
        copy.flush()
        return copy.nodes
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        nodes.append(.markup(pending))
        pending = ""
    }
}
