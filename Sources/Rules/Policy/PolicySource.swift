/// What a rule decides when its condition holds.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Comparable {
    case approve, refer, reject

    /// Reject outranks refer (manual review), which outranks approve.
    var severity: Int {
        switch self {
        case .approve: return 0
        case .refer: return 1
        case .reject: return 2
        }
    }

    public static func < (l: Outcome, r: Outcome) -> Bool { l.severity < r.severity }
}

/// A named type a policy declares: a record (e.g. a bureau tradeline) or an enum.
public struct TypeDeclarationSource: Sendable {
    public enum Definition: Sendable {
        /// Fields in order: name, type text, where the field is declared.
        case record([FieldSource])
        /// The allowed values, in priority order.
        case enumeration([String])
    }

    public var name: String
    public var location: SourceLocation
    public var definition: Definition

    public init(name: String, at location: SourceLocation, _ definition: Definition) {
        self.name = name
        self.location = location
        self.definition = definition
    }
}

/// One field of a declared record type.
public struct FieldSource: Sendable {
    public var name: String
    public var location: SourceLocation
    public var type: ExpressionSource

    public init(name: String, at location: SourceLocation, type: ExpressionSource) {
        self.name = name
        self.location = location
        self.type = type
    }
}

/// A declared input: `monthly_income: money`.
public struct InputSource: Sendable {
    public var name: String
    public var location: SourceLocation
    public var type: ExpressionSource

    public init(name: String, at location: SourceLocation, type: ExpressionSource) {
        self.name = name
        self.location = location
        self.type = type
    }
}

/// A derived value: `foir: (existing_emi + proposed_emi) / monthly_income`. Its type is the
/// expression's; when `isOutput`, it is part of the decision's outputs.
public struct DerivedSource: Sendable {
    public var name: String
    public var location: SourceLocation
    public var expression: ExpressionSource
    public var isOutput: Bool

    public init(name: String, at location: SourceLocation, expression: ExpressionSource, isOutput: Bool = false) {
        self.name = name
        self.location = location
        self.expression = expression
        self.isOutput = isOutput
    }
}

/// A rule: when the condition holds, the decision is at least `outcome`, with this reason.
public struct RuleSource: Sendable {
    public var id: String
    public var location: SourceLocation
    public var when: ExpressionSource
    public var outcome: Outcome
    public var reasonCode: String
    public var message: String

    public init(id: String, at location: SourceLocation, when: ExpressionSource, outcome: Outcome, reasonCode: String,
                message: String) {
        self.id = id
        self.location = location
        self.when = when
        self.outcome = outcome
        self.reasonCode = reasonCode
        self.message = message
    }
}

/// An underwriting or pricing policy as read from a file, before compilation: plain values that a
/// YAML loader fills in, each expression with its place in the file.
///
/// Evaluation order: inputs, then derived values and tables in dependency order, then every rule.
/// The decision is the most severe outcome among rules that fire (reject > refer > approve), or
/// `defaultOutcome` when none fires.
public struct PolicySource: Sendable {
    public var name: String
    public var location: SourceLocation
    public var types: [TypeDeclarationSource]
    public var inputs: [InputSource]
    public var derived: [DerivedSource]
    public var tables: [DecisionTableSource]
    public var rules: [RuleSource]
    public var defaultOutcome: Outcome

    public init(name: String, at location: SourceLocation, types: [TypeDeclarationSource] = [], inputs: [InputSource],
                derived: [DerivedSource] = [], tables: [DecisionTableSource] = [], rules: [RuleSource] = [],
                defaultOutcome: Outcome = .approve) {
        self.name = name
        self.location = location
        self.types = types
        self.inputs = inputs
        self.derived = derived
        self.tables = tables
        self.rules = rules
        self.defaultOutcome = defaultOutcome
    }
}
