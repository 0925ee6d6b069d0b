/// Why a rule fired: its id, outcome, reason code and message for the applicant's file.
public struct Reason: Sendable, Hashable {
    public var ruleID: String
    public var outcome: Outcome
    public var code: String
    public var message: String
}

/// A policy's named outputs (table outputs and derived values marked as outputs), in declaration order.
public struct PolicyOutputs: Sendable, Hashable {
    public let names: [String]
    public internal(set) var values: [Value]

    /// The output called `name`.
    public subscript(name: String) -> Value? { names.firstIndex(of: name).map { values[$0] } }

    /// Outputs by name.
    public var dictionary: [String: Value] { Dictionary(uniqueKeysWithValues: zip(names, values)) }
}

/// The result of evaluating a policy for one application.
public struct Decision: Sendable, Hashable {
    /// The most severe outcome of the rules that fired, or the policy's default.
    public var outcome: Outcome
    /// Every rule that fired, in rule order.
    public var reasons: [Reason]
    public var outputs: PolicyOutputs
    /// What the evaluation looked at and found, when asked for.
    public var trace: Trace?
}
