/// Why a rule fired: its id, outcome, reason code and message for the applicant's file.
///
/// The texts live in one shared, immutable box, so listing a fired rule in a decision costs one
/// reference count rather than three.
public struct Reason: Sendable, Hashable {
    final class Texts: Sendable {
        let ruleID: String, code: String, message: String

        init(ruleID: String, code: String, message: String) {
            self.ruleID = ruleID
            self.code = code
            self.message = message
        }
    }

    let texts: Texts
    public let outcome: Outcome

    public init(ruleID: String, outcome: Outcome, code: String, message: String) {
        texts = Texts(ruleID: ruleID, code: code, message: message)
        self.outcome = outcome
    }

    public var ruleID: String { texts.ruleID }
    public var code: String { texts.code }
    public var message: String { texts.message }

    public static func == (l: Reason, r: Reason) -> Bool {
        l.outcome == r.outcome && (l.texts === r.texts
            || (l.ruleID == r.ruleID && l.code == r.code && l.message == r.message))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ruleID)
        hasher.combine(outcome)
        hasher.combine(code)
        hasher.combine(message)
    }
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
