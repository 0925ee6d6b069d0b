import Rules
import Server

/// Decisions as JSON for `lendline decide`: amounts as decimal strings in rupees (`"12345.00"`),
/// rates as percentage strings (`"12.75%"`), dates as ISO strings, whole numbers as numbers.
enum DecisionJSON {
    /// `{"outcome", "reasons": [{"rule", "outcome", "code", "message"}], "outputs": {…}, "trace": {…}}`.
    static func fields(_ decision: Decision) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("outcome", .string(decision.outcome.rawValue)),
            (
                "reasons",
                .array(
                    decision.reasons.map { reason in
                        .object([
                            ("rule", .string(reason.ruleID)), ("outcome", .string(reason.outcome.rawValue)),
                            ("code", .string(reason.code)), ("message", .string(reason.message)),
                        ])
                    })
            ),
            ("outputs", .object(zip(decision.outputs.names, decision.outputs.values).map { ($0, value($1)) })),
        ]
        if let trace = decision.trace { fields.append(("trace", self.trace(trace))) }
        return fields
    }

    /// `{"inputs": {…}, "derived": {…}, "tables": {"pricing": [9]}, "rules": {"R01": false, …}}`.
    static func trace(_ trace: Trace) -> JSONValue {
        .object([
            ("inputs", .object(trace.inputs.map { ($0.name, value($0.value)) })),
            ("derived", .object(trace.derived.map { ($0.name, value($0.value)) })),
            ("tables", .object(trace.tables.map { ($0.id, .array($0.rows.map { .int($0) })) })),
            ("rules", .object(trace.rules.map { ($0.id, .bool($0.fired)) })),
        ])
    }

    /// One value of the rules language.
    static func value(_ value: Value) -> JSONValue {
        switch value {
        case .bool(let b): return .bool(b)
        case .integer(let n): return .int(Int(n))
        case .decimal(let d): return .string(d.normalized.description)
        case .money:
            if let money = value.moneyValue { return .string(money.decimalString) }
            return .string(String(value.description.dropFirst()))
        case .rate, .date: return .string(value.description)
        case .string(let s): return .string(s)
        case .list(let items): return .array(items.map(self.value))
        case .record(let r): return .object(zip(r.names, r.values).map { ($0, self.value($1)) })
        }
    }
}
