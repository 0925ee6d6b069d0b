import Rules

/// A template's bytes with the start of every line, to turn a byte offset into `file:line:col`
/// (columns in Unicode scalars, as every Lendline diagnostic counts them).
struct SourceText: Sendable {
    let file: String
    let bytes: [UInt8]
    /// Byte offset where each line starts; the first is 0.
    let lineStarts: [Int]

    init(_ text: String, file: String) {
        self.file = file
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The location of the byte at `offset` (clamped to the text).
    func location(at offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        // Continuation bytes (10xxxxxx) do not start a scalar.
        let column = bytes[start..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(file: file, line: low + 1, column: column)
    }

    /// Unicode scalars from byte `start` up to byte `end`.
    func scalarCount(from start: Int, to end: Int) -> Int {
        bytes[max(0, start)..<min(end, bytes.count)].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    /// The end tag (`</name>`) that ends just before `location` on its line, where libxml2 reports a
    /// mismatched end tag: its place and length, to underline the whole tag.
    func endTag(before location: SourceLocation) -> (location: SourceLocation, length: Int)? {
        guard location.line >= 1, location.line <= lineStarts.count else { return nil }
        let lineStart = lineStarts[location.line - 1]
        var offset = lineStart, scalars = 1
        while offset < bytes.count, scalars < location.column, bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            if offset >= bytes.count || bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
        }
        var open = offset - 1
        func opensEndTag(_ i: Int) -> Bool {
            i >= 0 && i + 1 < bytes.count && bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "/")
        }
        while open > lineStart, !opensEndTag(open) { open -= 1 }
        guard open >= lineStart, opensEndTag(open) else { return nil }
        return (self.location(at: open), max(1, scalarCount(from: open, to: offset)))
    }

    /// The offset of the `<` opening the tag whose attributes were read up to `offset`: the last `<`
    /// before it (a well-formed attribute value holds no `<`).
    func tagStart(before offset: Int) -> Int {
        var i = min(offset, bytes.count) - 1
        while i > 0, bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return max(0, i)
    }
}
