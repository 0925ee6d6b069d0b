import Rules

/// Checks that origination can feed every policy a product names: each input the policy declares
/// must be a field of the application model with a type that fits. Errors stand at the policy's
/// input declaration and say which products use the policy. Policies no product names (fees,
/// penal charges) are fed by servicing and are not checked.
enum ApplicationFeedCheck {
    static func check(products: [ProductDefinition], policies: PolicySet, model: ApplicationModelState) -> [Diagnostic]
    {
        var users: [String: [String]] = [:]
        var diagnostics: [Diagnostic] = []
        for product in products {
            guard let policy = product.references.policy, policies.policies[policy.value] != nil else { continue }
            users[policy.value, default: []].append(product.id)
            if case .absent = model { diagnostics.append(noModel(policy)) }
        }
        guard let model = model.model else { return diagnostics }
        for name in users.keys.sorted() {
            guard let compiled = policies.policies[name], let inputs = policies.inputs[name] else { continue }
            let usedBy = describe(users[name] ?? [])
            for input in inputs {
                guard let slot = compiled.declarations.slot(named: input.name) else { continue }
                let declared = compiled.declarations.types[slot.index]
                diagnostics += problems(input, declared: declared, policy: name, usedBy: usedBy, model: model)
            }
        }
        return diagnostics
    }

    /// The error at a product's `policy:` when the tree has no application model.
    static func noModel(_ policy: Located<String>) -> Diagnostic {
        let message =
            "policy `\(policy.value)` is fed from the application, but there is no "
            + "\(ApplicationModel.path) declaring what an application holds (see policies/README.md)"
        return Diagnostic(at: policy.location, message, length: policy.length)
    }

    /// The error for one input, if any.
    static func problems(
        _ input: InputSource, declared: RuleType, policy: String, usedBy: String,
        model: ApplicationModel
    ) -> [Diagnostic] {
        let length = input.name.unicodeScalars.count
        guard let field = model.field(named: input.name) else {
            let hint = Suggestion.hint(for: input.name, in: model.fields.map(\.name))
            let message =
                "policy `\(policy)` reads `\(input.name)`, which the application model does not hold\(hint) "
                + "(\(usedBy) this policy from the application; fields are declared in \(ApplicationModel.path))"
            return [Diagnostic(at: input.location, message, length: length)]
        }
        guard let detail = TypeFit.problem(model: field.type, policy: declared) else { return [] }
        var message =
            "policy `\(policy)` reads `\(input.name)` as \(TypeFit.spelled(declared)), but the application "
            + "model holds \(TypeFit.spelled(field.type)) (\(field.location))"
        if !detail.isEmpty { message += ": " + detail }
        message += "; \(usedBy) this policy from the application"
        return [Diagnostic(at: input.location, message, length: length)]
    }

    /// "product `a` feeds" or "products `a`, `b` feed".
    static func describe(_ products: [String]) -> String {
        let listed = products.sorted().map { "`\($0)`" }.joined(separator: ", ")
        return products.count == 1 ? "product \(listed) feeds" : "products \(listed) feed"
    }
}
