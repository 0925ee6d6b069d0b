/// The type of a value in the rules language.
public indirect enum RuleType: Hashable, Sendable, CustomStringConvertible {
    case bool
    /// A whole number (64-bit).
    case integer
    /// An exact decimal number.
    case decimal
    /// An amount in rupees, exact.
    case money
    /// A rate or percentage, e.g. `10.5%`; compares with decimals by its fraction (0.105).
    case rate
    case date
    case string
    case list(RuleType)
    case record(RecordType)
    case enumeration(EnumType)

    public var description: String {
        switch self {
        case .bool: return "bool"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .money: return "money"
        case .rate: return "rate"
        case .date: return "date"
        case .string: return "string"
        case .list(let element): return "list<\(element)>"
        case .record(let r): return r.name ?? "record{" + r.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + "}"
        case .enumeration(let e): return e.name
        }
    }

    /// Integer or decimal: plain numbers.
    var isNumber: Bool { self == .integer || self == .decimal }

    /// Any type with arithmetic: integer, decimal, money, rate.
    var isNumeric: Bool { isNumber || self == .money || self == .rate }

    /// Values of this type can be ordered with `<`.
    var isOrdered: Bool { isNumeric || self == .date || self == .string }

    /// Values of this type hold no reference (no string, list or record), so a slot holding one
    /// needs no release.
    var holdsNoReference: Bool {
        switch self {
        case .bool, .integer, .decimal, .money, .rate, .date: return true
        default: return false
        }
    }

    var listElement: RuleType? {
        if case .list(let element) = self { return element }
        return nil
    }

    var recordType: RecordType? {
        if case .record(let r) = self { return r }
        return nil
    }

    var enumType: EnumType? {
        if case .enumeration(let e) = self { return e }
        return nil
    }
}

/// A record type: named fields, each with a type, in declaration order.
public struct RecordType: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var name: String
        public var type: RuleType

        public init(name: String, type: RuleType) {
            self.name = name
            self.type = type
        }
    }

    /// The declared name, e.g. `tradeline`; nil for an anonymous record.
    public var name: String?
    public var fields: [Field]

    public init(name: String?, fields: [Field]) {
        self.name = name
        self.fields = fields
    }

    /// Position of the field called `name`.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// An enumeration: one of a fixed list of words, e.g. `salaried, self_employed, business`.
/// Its values are written as strings in expressions (`employment == "salaried"`) and checked at
/// compile time against the list.
public struct EnumType: Hashable, Sendable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    /// `salaried, self_employed, business`.
    var valueList: String { values.joined(separator: ", ") }
}
