/// How a decision table turns matching rows into outputs.
public enum HitPolicy: Hashable, Sendable, CustomStringConvertible {
    /// At most one row may match; two matching rows are an error naming both.
    case unique
    /// The first matching row, in table order, wins.
    case first
    /// Of the matching rows, the one whose first output comes earliest in that output's enum wins.
    case priority
    /// Every matching row contributes: a list of each output, or its sum, minimum or maximum.
    case collect(CollectAggregation)

    /// Reads `unique`, `first`, `priority`, `collect`, `collect sum`, `collect min`, `collect max`.
    public init?(parsing text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
        switch words.map(String.init) {
        case ["unique"]: self = .unique
        case ["first"]: self = .first
        case ["priority"]: self = .priority
        case ["collect"], ["collect", "list"]: self = .collect(.list)
        case ["collect", "sum"]: self = .collect(.sum)
        case ["collect", "min"]: self = .collect(.min)
        case ["collect", "max"]: self = .collect(.max)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .unique: return "unique"
        case .first: return "first"
        case .priority: return "priority"
        case .collect(.list): return "collect"
        case .collect(let a): return "collect \(a.rawValue)"
        }
    }
}

/// What a collect table does with the outputs of its matching rows.
public enum CollectAggregation: String, Hashable, Sendable {
    case list, sum, min, max
}

/// One output column of a decision table: a name visible to the rest of the policy, a type, and
/// the value used when no row matches.
public struct TableOutputSource: Sendable {
    public var name: String
    public var location: SourceLocation
    public var type: ExpressionSource
    public var defaultValue: ExpressionSource?

    public init(name: String, at location: SourceLocation, type: ExpressionSource, defaultValue: ExpressionSource? = nil) {
        self.name = name
        self.location = location
        self.type = type
        self.defaultValue = defaultValue
    }
}

/// One row: a cell per input column (a test such as `700..749` or `-`) and a value per output.
public struct TableRowSource: Sendable {
    /// A name for messages and traces; "row N" when absent.
    public var id: String?
    public var location: SourceLocation
    public var inputs: [ExpressionSource]
    public var outputs: [ExpressionSource]

    public init(id: String? = nil, at location: SourceLocation, inputs: [ExpressionSource], outputs: [ExpressionSource]) {
        self.id = id
        self.location = location
        self.inputs = inputs
        self.outputs = outputs
    }
}

/// A decision table as written in a policy file: input columns (expressions), output columns,
/// rows, and a hit policy.
public struct DecisionTableSource: Sendable {
    public var id: String
    public var location: SourceLocation
    public var hitPolicy: HitPolicy
    /// The expression each input column tests, e.g. `bureau_score`.
    public var inputs: [ExpressionSource]
    public var outputs: [TableOutputSource]
    public var rows: [TableRowSource]

    public init(id: String, at location: SourceLocation, hitPolicy: HitPolicy, inputs: [ExpressionSource],
                outputs: [TableOutputSource], rows: [TableRowSource]) {
        self.id = id
        self.location = location
        self.hitPolicy = hitPolicy
        self.inputs = inputs
        self.outputs = outputs
        self.rows = rows
    }
}
