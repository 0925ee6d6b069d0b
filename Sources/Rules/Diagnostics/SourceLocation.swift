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

    /// A place on the command line rather than in a file, e.g. the flag `--rate` (line 0).
    public static func commandLine(_ flag: String) -> SourceLocation {
        SourceLocation(file: flag, line: 0, column: 0)
    }

    /// Whether this names a command-line flag rather than a place in a file.
    public var isCommandLine: Bool { line == 0 }

    /// `file:line:col`, or `command line: --flag` for a command-line location.
    public var description: String { isCommandLine ? "command line: \(file)" : "\(file):\(line):\(column)" }
}
