import Rules

/// A node of a configuration file with where it stands: a scalar, a mapping or a sequence.
public struct ConfigNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        case scalar(ConfigScalar)
        /// Entries in file order; keys are unique (duplicates are reported when the file is read).
        case mapping([ConfigEntry])
        case sequence([ConfigNode])
    }

    public var content: Content
    /// Where the node starts: the scalar's first character (or quote), a flow collection's bracket,
    /// a block collection's first key or dash.
    public var location: SourceLocation
    /// Characters to underline when pointing at this node.
    public var length: Int

    public init(_ content: Content, at location: SourceLocation, length: Int = 1) {
        self.content = content
        self.location = location
        self.length = max(1, length)
    }

    /// The scalar, when this is one.
    public var scalar: ConfigScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The entries, when this is a mapping.
    public var entries: [ConfigEntry]? {
        if case .mapping(let e) = content { return e }
        return nil
    }

    /// The items, when this is a sequence.
    public var items: [ConfigNode]? {
        if case .sequence(let i) = content { return i }
        return nil
    }

    /// Whether this is an explicit or empty null (`~`, `null`, or nothing after the colon).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// The kind of node in a reader's words, for messages: "a mapping", "a list", "`abc`".
    var kindDescription: String {
        switch content {
        case .scalar(let s): return s.isNull ? "nothing" : "`\(s.text)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// One `key: value` entry of a mapping, with the key's own location.
public struct ConfigEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    /// Characters to underline when pointing at the key (quotes included).
    public var keyLength: Int
    public var value: ConfigNode

    public init(key: String, keyLocation: SourceLocation, keyLength: Int? = nil, value: ConfigNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.keyLength = max(1, keyLength ?? key.unicodeScalars.count)
        self.value = value
    }
}

/// The text of a scalar exactly as written, and how it was quoted.
public struct ConfigScalar: Sendable, Hashable {
    /// How a scalar was written.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// An unquoted `~`, `null` or empty value.
    public var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
