import Rules

/// A value read from a configuration file (or the command line) with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
    /// Characters the value takes where it was written, for underlining.
    public var length: Int

    public init(_ value: Value, at location: SourceLocation, length: Int = 1) {
        self.value = value
        self.location = location
        self.length = max(1, length)
    }

    /// The value read from `node`, located there.
    init(_ value: Value, node: ConfigNode) {
        self.init(value, at: node.location, length: node.length)
    }

    /// The same place holding a different value.
    func map<Other>(_ transform: (Value) -> Other) -> Located<Other> {
        Located<Other>(transform(value), at: location, length: length)
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
