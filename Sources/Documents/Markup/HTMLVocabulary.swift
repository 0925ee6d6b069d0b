/// What the serialiser needs to know about HTML elements and attributes.
enum HTMLVocabulary {
    /// Elements that never have content, written `<br />`.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Elements whose text an HTML parser reads raw (no references), written without escaping.
    static let rawTextElements: Set<String> = ["style"]

    /// Elements a document may not hold: documents run no scripts and embed nothing active.
    static let refusedElements: Set<String> = ["script", "iframe", "object", "embed", "base"]

    /// `onclick`, `onload`…: attributes that run script.
    static func isEventHandler(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("on") && lower != "open" && lower.count > 2
    }
}
