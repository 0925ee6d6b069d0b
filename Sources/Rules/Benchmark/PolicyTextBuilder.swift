/// Lays out a policy as YAML-like text line by line and hands back each expression with its
/// location, so a policy built in code (a benchmark, a test) gets real file positions and its
/// diagnostics can be rendered against the text.
struct PolicyTextBuilder {
    let file: String
    private(set) var lines: [String] = []

    init(file: String) { self.file = file }

    /// The whole text.
    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Appends a line; returns the location of its first non-space character.
    @discardableResult
    mutating func line(_ text: String) -> SourceLocation {
        lines.append(text)
        let indent = text.unicodeScalars.prefix { $0 == " " }.count
        return SourceLocation(file: file, line: lines.count, column: indent + 1)
    }

    /// Appends `prefix + expression` as a line; returns the expression located after the prefix.
    mutating func expression(_ prefix: String, _ expression: String) -> ExpressionSource {
        lines.append(prefix + expression)
        let column = prefix.unicodeScalars.count + 1
        return ExpressionSource(expression, at: SourceLocation(file: file, line: lines.count, column: column))
    }

    /// Appends a flow list `prefix[a, b, c]` on one line; returns each item located.
    mutating func cells(_ prefix: String, _ items: [String]) -> [ExpressionSource] {
        var text = prefix + "["
        var columns: [Int] = []
        for (i, item) in items.enumerated() {
            if i > 0 { text += ", " }
            columns.append(text.unicodeScalars.count + 1)
            text += item
        }
        lines.append(text + "]")
        return zip(items, columns).map { ExpressionSource($0, at: SourceLocation(file: file, line: lines.count, column: $1)) }
    }
}
