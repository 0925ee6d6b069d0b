import Rules
import Server

/// What changing a policy does to a batch of applications: how many decisions change, which way,
/// and which rules caused it (rules that fire under one version and not the other).
struct Backtest {
    /// A change of decision, from the baseline's (`--against`) to the candidate's (`--policy`).
    struct Flip: Hashable, Comparable {
        var from: Outcome
        var to: Outcome

        static func < (l: Flip, r: Flip) -> Bool { (l.from, l.to) < (r.from, r.to) }
    }

    /// A rule that fires under one version and not the other.
    struct RuleChange: Hashable {
        var rule: String
        var code: String
        /// True when the rule fires under the candidate only; false when under the baseline only.
        var nowFires: Bool
    }

    var cases = 0
    var changed = 0
    var errors = 0
    var baseline: [Outcome: Int] = [:]
    var candidate: [Outcome: Int] = [:]
    var flips: [Flip: Int] = [:]
    var causes: [Flip: [RuleChange: Int]] = [:]
    /// Cases in which each output (present in both versions) differs.
    var outputsChanged: [String: Int] = [:]

    /// Counts one application decided by both versions.
    mutating func add(candidate new: Decision, baseline old: Decision) {
        cases += 1
        candidate[new.outcome, default: 0] += 1
        baseline[old.outcome, default: 0] += 1
        for (name, value) in zip(new.outputs.names, new.outputs.values) {
            if let previous = old.outputs[name], previous != value { outputsChanged[name, default: 0] += 1 }
        }
        guard new.outcome != old.outcome else { return }
        changed += 1
        let flip = Flip(from: old.outcome, to: new.outcome)
        flips[flip, default: 0] += 1
        let newIDs = Set(new.reasons.map(\.ruleID)), oldIDs = Set(old.reasons.map(\.ruleID))
        for reason in new.reasons where !oldIDs.contains(reason.ruleID) {
            causes[flip, default: [:]][
                RuleChange(rule: reason.ruleID, code: reason.code, nowFires: true), default: 0] += 1
        }
        for reason in old.reasons where !newIDs.contains(reason.ruleID) {
            causes[flip, default: [:]][
                RuleChange(rule: reason.ruleID, code: reason.code, nowFires: false), default: 0] += 1
        }
    }

    /// Counts one application that either version failed to evaluate.
    mutating func addError() {
        cases += 1
        errors += 1
    }

    /// `{"cases", "changed", "unchanged", "errors", "outcomes": {"against", "policy"}, "flips": [{"from", "to",
    /// "count", "rules": [{"rule", "code", "now_fires", "count"}]}], "outputs_changed": {…}}`.
    var json: JSONValue {
        func counts(_ c: [Outcome: Int]) -> JSONValue {
            .object(Outcome.allCases.map { ($0.rawValue, .int(c[$0] ?? 0)) })
        }
        let flipList: [JSONValue] = flips.keys.sorted().map { flip in
            let rules = (causes[flip] ?? [:]).sorted { ($1.value, $0.key.rule) < ($0.value, $1.key.rule) }
            return .object([
                ("from", .string(flip.from.rawValue)), ("to", .string(flip.to.rawValue)),
                ("count", .int(flips[flip] ?? 0)),
                (
                    "rules",
                    .array(
                        rules.map { change, count in
                            .object([
                                ("rule", .string(change.rule)), ("code", .string(change.code)),
                                ("now_fires", .bool(change.nowFires)), ("count", .int(count)),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("cases", .int(cases)), ("changed", .int(changed)), ("unchanged", .int(cases - changed - errors)),
            ("errors", .int(errors)),
            ("outcomes", .object([("against", counts(baseline)), ("policy", counts(candidate))])),
            ("flips", .array(flipList)),
            ("outputs_changed", .object(outputsChanged.keys.sorted().map { ($0, .int(outputsChanged[$0] ?? 0)) })),
        ])
    }
}
