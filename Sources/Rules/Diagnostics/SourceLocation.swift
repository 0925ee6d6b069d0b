/// A place in a configuration file: path, 1-based line and 1-based column (in Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location `offset` scalars further along the same line (a spot inside a YAML string).
    public func advanced(byColumns offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    public static func < (l: SourceLocation, r: SourceLocation) -> Bool {
        (l.file, l.line, l.column) < (r.file, r.line, r.column)
    }

    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(column)" }
}
