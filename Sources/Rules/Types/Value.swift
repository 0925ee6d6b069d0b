import LoanMath

/// A value of the rules language: an input, a derived value, a table output.
///
/// Amounts are rupees (`money`), held exactly. Inputs and outputs are whole paise; inside an
/// evaluation `amount * 2%` keeps its exact fractions of a paisa until `round()` makes it whole,
/// and the compiler refuses a money output that might not be whole (see `MoneyRounding`).
public enum Value: Sendable, Hashable {
    case bool(Bool)
    case integer(Int64)
    case decimal(ExactDecimal)
    /// An amount in rupees.
    case money(ExactDecimal)
    /// A rate as a fraction: 0.105 for 10.5%.
    case rate(ExactDecimal)
    case date(LocalDate)
    /// A string, or a value of an enum type.
    case string(String)
    case list([Value])
    case record(RecordValue)

    /// An amount of money (taken as rupees: the rules language works in the lender's book currency).
    public init(_ money: Money) {
        self = .money(ExactDecimal(significand: Int128(money.minorUnits), scale: money.currency.minorUnitDigits))
    }

    /// A rate.
    public init(_ rate: Rate) { self = .rate(rate.fraction) }

    /// A whole number of rupees.
    public static func rupees(_ amount: Int64) -> Value { .money(ExactDecimal(significand: Int128(amount), scale: 0)) }

    /// A percentage written as text, e.g. `percent("10.5")` for 10.5%; nil if it is not a number.
    public static func percent(_ text: String) -> Value? {
        guard let p = ExactDecimal(parsing: text) else { return nil }
        return .rate(DecimalMath.movePoint(p, left: 2))
    }

    /// A record from named fields.
    public static func record(_ fields: KeyValuePairs<String, Value>) -> Value {
        .record(RecordValue(fields.map { ($0.key, $0.value) }))
    }

    // MARK: - Reading

    public var boolValue: Bool? {
        if case .bool(let v) = self { return v }
        return nil
    }

    public var integerValue: Int64? {
        if case .integer(let v) = self { return v }
        return nil
    }

    /// The number of an integer, decimal, money or rate value (a rate as its fraction).
    public var decimalValue: ExactDecimal? {
        switch self {
        case .integer(let v): return ExactDecimal(significand: Int128(v), scale: 0)
        case .decimal(let v), .money(let v), .rate(let v): return v
        default: return nil
        }
    }

    /// The amount as `Money` in rupees; nil unless this is money in whole paise that fits.
    public var moneyValue: Money? {
        guard case .money(let v) = self, let paise = DecimalMath.significand(v.normalized, atScale: 2),
              let minor = Int64(exactly: paise) else { return nil }
        return Money(minorUnits: minor, currency: .inr)
    }

    /// The rate as `Rate`, rounded half-even to a rate's 12 places; nil unless this is a rate that fits.
    public var rateValue: Rate? {
        guard case .rate(let v) = self, let scaled = DecimalMath.significand(v.rounded(places: 12, .halfEven).normalized, atScale: 12),
              let s = Int64(exactly: scaled) else { return nil }
        return Rate(scaledFraction: s)
    }

    public var dateValue: LocalDate? {
        if case .date(let v) = self { return v }
        return nil
    }

    public var stringValue: String? {
        if case .string(let v) = self { return v }
        return nil
    }

    public var listValue: [Value]? {
        if case .list(let v) = self { return v }
        return nil
    }
}

/// A record: field names and their values. Inside a compiled policy fields are in the order of
/// the record's declared type, so a field is read by position.
public struct RecordValue: Sendable, Hashable {
    public private(set) var names: [String]
    public private(set) var values: [Value]

    public init(_ fields: [(String, Value)]) {
        names = fields.map(\.0)
        values = fields.map(\.1)
    }

    /// The value of the field called `name`.
    public subscript(name: String) -> Value? {
        names.firstIndex(of: name).map { values[$0] }
    }

    init(names: [String], values: [Value]) {
        self.names = names
        self.values = values
    }
}

extension Value {
    /// Equal values: numbers by their number (0.30 == 0.3), never trapping on large operands.
    public static func == (l: Value, r: Value) -> Bool {
        switch (l, r) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.decimal(let a), .decimal(let b)), (.money(let a), .money(let b)), (.rate(let a), .rate(let b)):
            return DecimalMath.compare(a, b) == 0
        case (.date(let a), .date(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.record(let a), .record(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .bool(let v): hasher.combine(0); hasher.combine(v)
        case .integer(let v): hasher.combine(1); hasher.combine(v)
        case .decimal(let v): hasher.combine(2); hasher.combine(v.normalized.significand); hasher.combine(v.normalized.scale)
        case .money(let v): hasher.combine(3); hasher.combine(v.normalized.significand); hasher.combine(v.normalized.scale)
        case .rate(let v): hasher.combine(4); hasher.combine(v.normalized.significand); hasher.combine(v.normalized.scale)
        case .date(let v): hasher.combine(5); hasher.combine(v)
        case .string(let v): hasher.combine(6); hasher.combine(v)
        case .list(let v): hasher.combine(7); hasher.combine(v)
        case .record(let v): hasher.combine(8); hasher.combine(v)
        }
    }
}
