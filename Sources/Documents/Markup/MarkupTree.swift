/// An attribute of a parsed element (namespace declarations are kept apart, as `MarkupNamespace`).
struct MarkupAttribute: Sendable, Hashable {
    var localName: String
    var prefix: String?
    var namespace: String?
    var value: String

    /// The name as written: `l:text`, `class`.
    var qualifiedName: String { prefix.map { $0 + ":" + localName } ?? localName }
}

/// A namespace declaration: `xmlns="…"` (no prefix) or `xmlns:l="…"`.
struct MarkupNamespace: Sendable, Hashable {
    var prefix: String?
    var uri: String
}

/// An element of a parsed template and where its start tag begins.
struct MarkupElement: Sendable {
    var localName: String
    var prefix: String?
    var namespace: String?
    var attributes: [MarkupAttribute] = []
    var namespaces: [MarkupNamespace] = []
    var children: [MarkupNode] = []
    /// Byte offset of the start tag's `<`.
    var tagByte: Int

    /// The name as written: `html`, `l:block`.
    var qualifiedName: String { prefix.map { $0 + ":" + localName } ?? localName }
}

/// A node of a parsed template: an element or text (references already replaced).
enum MarkupNode: Sendable {
    case element(MarkupElement)
    case text(String)
}
