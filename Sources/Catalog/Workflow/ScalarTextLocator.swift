import Rules

/// Finds where each character of a scalar's text stands in its file, so an expression written in
/// YAML (`guard: "amount > ₹5_00_000"`) gets diagnostics at the exact column inside the string:
/// after the opening quote, past escapes (`\"`, `''`), across folded lines and in block scalars.
///
/// It walks the file's raw characters and the scalar's decoded text together, matching each raw
/// character (or escape) to the text; characters that folding adds or removes are skipped.
struct ScalarTextLocator {
    /// The file's lines as Unicode scalars, without line breaks.
    let lines: [[Unicode.Scalar]]
    /// Most lines one scalar is followed across.
    static let maxLines = 200

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array((line.hasSuffix("\r") ? line.dropLast() : line).unicodeScalars)
        }
    }

    /// `scalar`, written at `location`, as an expression whose characters map to their places in the file.
    func expressionSource(_ scalar: ConfigScalar, at location: SourceLocation) -> ExpressionSource {
        let text = Array(scalar.text.unicodeScalars)
        let (firstLine, firstColumn) = start(of: scalar.style, at: location)
        var anchors = AnchorList(file: location.file)
        var offset = 0
        var lineIndex = firstLine
        var column = firstColumn
        let lastLine = min(lines.count, firstLine + ScalarTextLocator.maxLines)
        lineLoop: while offset < text.count, lineIndex < lastLine {
            let raw = lines[lineIndex]
            var i = column
            while i < raw.count, offset < text.count {
                let (decoded, rawLength) = ScalarTextLocator.decode(raw, at: i, style: scalar.style)
                if decoded.isEmpty {
                    i += rawLength
                } else if text[offset...].starts(with: decoded) {
                    anchors.record(offset: offset, line: lineIndex + 1, column: i + 1)
                    offset += decoded.count
                    i += rawLength
                } else if ScalarTextLocator.isBlank(text[offset]) {
                    offset += 1
                } else if ScalarTextLocator.isBlank(raw[i]) {
                    i += rawLength
                } else {
                    break lineLoop
                }
            }
            lineIndex += 1
            column = 0
        }
        guard !anchors.starts.isEmpty else {
            return ExpressionSource(scalar.text, at: SourceLocation(file: location.file, line: firstLine + 1,
                                                                      column: firstColumn + 1))
        }
        return ExpressionSource(scalar.text, map: SourceMap(lines: anchors.starts))
    }

    /// The 0-based line and column where the text of a scalar of `style` starting at `location` begins.
    private func start(of style: ConfigScalar.Style, at location: SourceLocation) -> (Int, Int) {
        switch style {
        case .plain: return (location.line - 1, location.column - 1)
        case .singleQuoted, .doubleQuoted: return (location.line - 1, location.column)
        case .literal, .folded: return (location.line, 0)
        }
    }

    /// The text the raw characters at `i` stand for, and how many raw characters that takes.
    static func decode(_ raw: [Unicode.Scalar], at i: Int, style: ConfigScalar.Style) -> ([Unicode.Scalar], Int) {
        let c = raw[i]
        switch style {
        case .singleQuoted where c == "'" && i + 1 < raw.count && raw[i + 1] == "'":
            return (["'"], 2)
        case .doubleQuoted where c == "\\":
            return escape(raw, at: i)
        default:
            return ([c], 1)
        }
    }

    /// A double-quoted escape at `i` (a backslash ending the line continues the string).
    static func escape(_ raw: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int) {
        guard i + 1 < raw.count else { return ([], 1) }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "\0", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}",
            "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
            "L": "\u{2028}", "P": "\u{2029}",
        ]
        let letter = raw[i + 1]
        if let scalar = simple[letter] { return ([scalar], 2) }
        let digits = ["x": 2, "u": 4, "U": 8][String(letter)] ?? 0
        guard digits > 0, i + 2 + digits <= raw.count else { return ([letter], 2) }
        let hex = String(String.UnicodeScalarView(raw[(i + 2)..<(i + 2 + digits)]))
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return ([letter], 2) }
        return ([scalar], 2 + digits)
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
}

/// Line starts of a source map, recorded only where the text stops running on in step with the file.
private struct AnchorList {
    let file: String
    var starts: [SourceMap.LineStart] = []

    mutating func record(offset: Int, line: Int, column: Int) {
        if let last = starts.last, last.location.line == line, last.location.column + (offset - last.offset) == column {
            return
        }
        let location = SourceLocation(file: file, line: line, column: column)
        starts.append(SourceMap.LineStart(offset: offset, location: location))
    }
}
