import Rules

/// Whether a value of the application model's type can be given for a policy's input. It can when
/// the types are the same, when an enum of the model has no value the policy's lacks, and when a
/// record of the model has every field of the policy's record (origination passes those fields
/// only), each fitting in turn.
enum TypeFit {
    /// Why a value of `model` does not fit `policy`: `""` when the types simply differ, a detail
    /// (`` `retired` is not one of the policy's values``) when it is deeper; nil when it fits.
    static func problem(model: RuleType, policy: RuleType) -> String? {
        switch (model, policy) {
        case (.list(let m), .list(let p)):
            return problem(model: m, policy: p).map { $0.isEmpty ? "" : "its items: " + $0 }
        case (.enumeration(let m), .enumeration(let p)):
            let extra = m.values.filter { !p.values.contains($0) }
            guard !extra.isEmpty else { return nil }
            let listed = extra.map { "`\($0)`" }.joined(separator: ", ")
            return extra.count == 1
                ? "\(listed) is not one of the policy's values" : "\(listed) are not among the policy's values"
        case (.record(let m), .record(let p)):
            for field in p.fields {
                guard let given = m.fields.first(where: { $0.name == field.name }) else {
                    return "the model's record has no field `\(field.name)`"
                        + Suggestion.hint(for: field.name, in: m.fields.map(\.name))
                }
                if let detail = problem(model: given.type, policy: field.type) {
                    let what = detail.isEmpty ? "is \(spelled(given.type)), not \(spelled(field.type))" : detail
                    return "field `\(field.name)` \(what)"
                }
            }
            return nil
        default:
            return model == policy ? nil : ""
        }
    }

    /// A type as a file writes it: `enum(salaried, self_employed)`, `list<lender_exposure>`.
    static func spelled(_ type: RuleType) -> String {
        switch type {
        case .enumeration(let e): return "enum(" + e.values.joined(separator: ", ") + ")"
        case .list(let element): return "list<\(spelled(element))>"
        case .record(let r):
            return r.name ?? "{ " + r.fields.map { "\($0.name): \(spelled($0.type))" }.joined(separator: ", ") + " }"
        default: return type.description
        }
    }
}
