/// Where each character of an expression's text sits in its configuration file.
///
/// A YAML loader knows where a scalar starts; for a single-line scalar that is all it needs to give.
/// A multi-line (block) scalar gives the location of each line's first character and that line's
/// offset in the text, counted in Unicode scalars.
public struct SourceMap: Hashable, Sendable {
    /// One line of the text: the scalar offset where it starts and the file location of that scalar.
    public struct LineStart: Hashable, Sendable {
        public var offset: Int
        public var location: SourceLocation

        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    /// Line starts, in increasing offset order; the first has offset 0.
    public private(set) var lines: [LineStart]

    /// Text that sits on one line starting at `location`.
    public init(location: SourceLocation) { lines = [LineStart(offset: 0, location: location)] }

    /// Text spread over several lines; `lines` must start at offset 0 and increase.
    public init(lines: [LineStart]) {
        let sorted = lines.sorted { $0.offset < $1.offset }
        self.lines = sorted.isEmpty ? [LineStart(offset: 0, location: SourceLocation(file: "", line: 1, column: 1))] : sorted
    }

    /// The file location of the scalar at `offset` in the text.
    public func location(at offset: Int) -> SourceLocation {
        let line = lineStart(containing: offset)
        return line.location.advanced(byColumns: max(0, offset - line.offset))
    }

    /// Scalars to underline from `start` towards `end`, kept on `start`'s line.
    func length(from start: Int, to end: Int) -> Int {
        let lineEnd = lines.first { $0.offset > start }?.offset ?? Int.max
        return max(1, min(end, lineEnd) - start)
    }

    private func lineStart(containing offset: Int) -> LineStart {
        var result = lines[0]
        for line in lines.dropFirst() {
            if line.offset > offset { break }
            result = line
        }
        return result
    }
}

/// The text of one expression (a rule condition, a derived value, a table cell, a type) together
/// with where it sits in its file, so every diagnostic points inside the YAML string.
public struct ExpressionSource: Hashable, Sendable {
    public var text: String
    public var map: SourceMap

    /// Text on one line whose first character is at `location`.
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.map = SourceMap(location: location)
    }

    /// Text spread over several lines, each line's start given by `map`.
    public init(_ text: String, map: SourceMap) {
        self.text = text
        self.map = map
    }

    /// Location of the first character.
    public var location: SourceLocation { map.location(at: 0) }

    /// A diagnostic pointing at `range` of this text.
    func diagnostic(_ message: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, at: map.location(at: range.start), message, length: map.length(from: range.start, to: range.end))
    }
}

/// A span of an expression's text in Unicode-scalar offsets, `start..<end`.
struct SourceRange: Hashable, Sendable {
    var start: Int
    var end: Int

    func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
