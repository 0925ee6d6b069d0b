/// Escaping for HTML text and attribute values. Always applied: a template cannot write unescaped data.
enum HTMLEscaping {
    /// Data: `&`, `<`, `>`, `"` and `'` as references, safe in content and in quoted attributes.
    static func text(_ text: String) -> String { escape(text, quotes: true) }

    /// Static template text: `&`, `<` and `>` as references (quotes are safe outside attributes).
    static func staticText(_ text: String) -> String { escape(text, quotes: false) }

    /// ` name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String { " \(name)=\"\(text(value))\"" }

    private static func escape(_ text: String, quotes: Bool) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
