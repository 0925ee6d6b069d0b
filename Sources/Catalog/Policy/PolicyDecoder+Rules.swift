import Rules

extension PolicyDecoder {
    static let ruleKeys = Schemas.rule.keys

    /// One rule: `{ id, description, when, outcome, reason, message }`. A refer or reject needs a
    /// message here; a missing reason code is the compiler's to report.
    func decodeRule(_ item: ConfigNode, owner: ConfigEntry) -> RuleSource? {
        guard let reader = MappingReader(item, owner: owner, keys: PolicyDecoder.ruleKeys, log: log, isListItem: true)
        else { return nil }
        let id = reader.required("id", PolicyDecoder.ruleID)
        _ = reader.optional("description", .text)
        let condition = reader.requiredEntry("when").flatMap {
            expression($0.value, key: "when", expected: "a condition such as `foir > 55%`")
        }
        let outcome: Located<Outcome>? = reader.required("outcome", .word("an outcome"))
        let reason = reader.optional("reason", PolicyDecoder.reasonCode)
        let message = reader.optional("message", .text)
        if let id, let outcome, outcome.value != .approve, message == nil, reader.entry("message") == nil {
            log.error(
                "rule `\(id.value)` decides \(outcome.value.rawValue) and needs a `message` for the applicant's file",
                at: id)
        }
        guard let id, let condition, let outcome else { return nil }
        return RuleSource(
            id: id.value, at: id.location, when: condition, outcome: outcome.value,
            reasonCode: reason?.value ?? "", message: message?.value ?? "")
    }

    /// A rule id: letters, digits, `-` and `_`, such as `R07` or `foir-cap`.
    static var ruleID: ScalarParser<String> {
        let expected = "a rule id of letters, digits, `-` and `_`, such as `R07`"
        return ScalarParser(expected: expected) { text, _ in
            let scalars = text.unicodeScalars
            let valid = !scalars.isEmpty && scalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" }
            return valid ? .value(text) : .problem(ScalarMessage.mismatch(expected, text))
        }
    }

    /// A reason code: capitals, digits and `_`, starting with a capital, such as `FOIR_ABOVE_LIMIT`.
    static var reasonCode: ScalarParser<String> {
        let expected = "a reason code in capitals joined by `_`, such as `FOIR_ABOVE_LIMIT`"
        return ScalarParser(expected: expected) { text, _ in
            let scalars = Array(text.unicodeScalars)
            let valid =
                scalars.first.map { ("A"..."Z").contains($0) } == true
                && scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            return valid ? .value(text) : .problem(ScalarMessage.mismatch(expected, text))
        }
    }
}

extension Unicode.Scalar {
    /// An ASCII letter or digit.
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
