import Rules

/// Reads a decision table's `rows: |` block: one row per line, cells separated by `|`, the input
/// cells from the output cells by `||`; blank lines and lines starting with `#` are skipped. Every
/// cell is located at its own column, so a bad cell is reported where it stands.
///
/// ```yaml
/// rows: |
///   # bureau_score | employment_type || interest_rate
///   750..799       | "salaried"      || 12.5%
/// ```
struct TableRowsReader {
    let log: DiagnosticLog
    let locator: ScalarTextLocator

    func rows(_ entry: ConfigEntry) -> [TableRowSource] {
        let node = entry.value
        let shape = "a block of rows such as `rows: |` followed by lines like `750..799 | \"salaried\" || 12.5%`"
        guard let scalar = node.scalar, !scalar.isNull else {
            log.error("expected `rows` to be \(shape), found \(node.kindDescription)", at: node)
            return []
        }
        guard scalar.style != .folded else {
            log.error("write `rows: |` (a literal block); `>` folds the rows into one line", at: node)
            return []
        }
        let map = literalMap(scalar, at: node.location) ?? locator.expressionSource(scalar, at: node.location).map
        let text = Array(scalar.text.unicodeScalars)
        var rows: [TableRowSource] = []
        var start = 0
        while start < text.count {
            let end = text[start...].firstIndex(of: "\n") ?? text.count
            if let row = row(text, start..<end, map) { rows.append(row) }
            start = end + 1
        }
        if rows.isEmpty { log.error("`rows` holds no rows", at: node) }
        return rows
    }

    /// The row on `text[range]`, or nil for a blank or comment line (or one reported as malformed).
    func row(_ text: [Unicode.Scalar], _ range: Range<Int>, _ map: SourceMap) -> TableRowSource? {
        guard let first = range.first(where: { !TableRowsReader.isBlank(text[$0]) }), text[first] != "#" else {
            return nil
        }
        var cells: [ExpressionSource] = []
        var divider: Int?
        var cellStart = range.lowerBound
        var quote: Unicode.Scalar?
        var i = range.lowerBound
        while i < range.upperBound {
            let c = text[i]
            if let open = quote {
                if c == "\\" { i += 1 } else if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "|" {
                cells.append(cell(text, cellStart..<i, map))
                if i + 1 < range.upperBound, text[i + 1] == "|" {
                    if divider != nil {
                        log.add(
                            Diagnostic(
                                at: map.location(at: i), "a row has one `||` between its input and output cells",
                                length: 2))
                        return nil
                    }
                    divider = cells.count
                    i += 1
                }
                cellStart = i + 1
            }
            i += 1
        }
        cells.append(cell(text, cellStart..<range.upperBound, map))
        guard let divider else {
            log.add(
                Diagnostic(
                    at: map.location(at: first), "separate the row's input cells from its output cells with `||`"))
            return nil
        }
        return TableRowSource(
            at: map.location(at: first), inputs: Array(cells[..<divider]), outputs: Array(cells[divider...]))
    }

    /// The trimmed text of `text[range]`, located at its first character.
    func cell(_ text: [Unicode.Scalar], _ range: Range<Int>, _ map: SourceMap) -> ExpressionSource {
        var low = range.lowerBound, high = range.upperBound
        while low < high, TableRowsReader.isBlank(text[low]) { low += 1 }
        while high > low, TableRowsReader.isBlank(text[high - 1]) { high -= 1 }
        let content = String(String.UnicodeScalarView(text[low..<high]))
        return ExpressionSource(content, at: map.location(at: low == high ? range.lowerBound : low))
    }

    /// For a literal block, where each line of the text starts in the file: the line after the
    /// indicator plus the line number, at the block's indentation. Nil when the file's lines do not
    /// read back as the text (then the general locator is used).
    func literalMap(_ scalar: ConfigScalar, at location: SourceLocation) -> SourceMap? {
        guard scalar.style == .literal else { return nil }
        let textLines = scalar.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.unicodeScalars)
        }
        var starts: [SourceMap.LineStart] = []
        var offset = 0
        var indent: Int?
        for (k, line) in textLines.enumerated() {
            defer { offset += line.count + 1 }
            let index = location.line + k
            guard !line.isEmpty else { continue }
            guard index < locator.lines.count else { return nil }
            let raw = locator.lines[index]
            let pad = raw.count - line.count
            guard pad >= 0, Array(raw[pad...]) == line, raw[..<pad].allSatisfy({ $0 == " " }),
                indent == nil || indent == pad
            else { return nil }
            indent = pad
            starts.append(
                SourceMap.LineStart(
                    offset: offset,
                    location: SourceLocation(
                        file: location.file, line: index + 1,
                        column: pad + 1)))
        }
        guard let first = starts.first else { return nil }
        if first.offset > 0 { starts.insert(SourceMap.LineStart(offset: 0, location: first.location), at: 0) }
        return SourceMap(lines: starts)
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\r" }
}
