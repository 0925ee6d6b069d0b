/// The shape of a configuration file, declared once: the loaders take their allowed keys from it and
/// `lendline schema` writes it out as JSON Schema for editors. One definition, two uses, so the
/// editor's autocomplete and the loader cannot disagree about a key.
public indirect enum SchemaNode: Sendable {
    case object(ObjectSchema)
    /// A list of items of one shape.
    case list(SchemaNode)
    /// A mapping from names the author chooses (states of a workflow) to values of one shape.
    case map(SchemaNode)
    case scalar(ScalarSchema)
    /// Any of several shapes (a fee is an amount or a percentage).
    case oneOf([SchemaNode])
}

/// A mapping with a fixed set of keys.
public struct ObjectSchema: Sendable {
    public let properties: [SchemaProperty]

    public init(_ properties: [SchemaProperty]) { self.properties = properties }

    /// The keys a file may use here, in the documented order.
    public var keys: [String] { properties.map(\.name) }

    /// The shape of `key`'s value.
    public subscript(key: String) -> SchemaNode? { properties.first { $0.name == key }?.node }

    /// The object schema of `key`'s value (for nested mappings and lists of mappings).
    public func object(_ key: String) -> ObjectSchema {
        switch self[key] {
        case .object(let o)?: return o
        case .list(.object(let o))?: return o
        case .map(.object(let o))?: return o
        default: preconditionFailure("schema has no object at \(key)")
        }
    }
}

/// One key of an object, with its shape, whether it is required, and what it means.
public struct SchemaProperty: Sendable {
    public let name: String
    public let node: SchemaNode
    public let required: Bool
    public let summary: String

    public init(_ name: String, _ node: SchemaNode, required: Bool = false, _ summary: String) {
        self.name = name
        self.node = node
        self.required = required
        self.summary = summary
    }
}

/// The kinds of scalar a file holds.
public enum ScalarSchema: Sendable {
    /// Rupees with at most two decimal places: `500000`, `1250.50`.
    case amount
    /// A percentage: `10.5%`.
    case rate
    case integer(min: Int?, max: Int?)
    /// `YYYY-MM-DD`.
    case date
    case boolean
    case text
    /// A lower-case identifier such as `personal-loan`.
    case identifier
    /// One of fixed words.
    case words([String])
    /// An expression of the rule language.
    case expression
    /// An ISO-8601 duration such as `PT48H`.
    case duration
    /// `paise`, `rupee` or a whole number of rupees.
    case roundingUnit
    /// A general-ledger account code: digits such as `1100`.
    case accountCode
}
