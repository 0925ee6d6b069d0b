import Rules

/// A value as written in a workflow file, with where it stands (for diagnostics).
public struct Sourced<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var location: SourceLocation
    /// Characters to underline from `location` (at least 1).
    public var length: Int

    public init(_ value: Value, at location: SourceLocation, length: Int = 1) {
        self.value = value
        self.location = location
        self.length = max(1, length)
    }

    /// An error diagnostic underlining this value.
    func diagnostic(_ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, length: length)
    }
}
