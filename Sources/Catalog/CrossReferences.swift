import Documents
import Rules
import Workflow

/// Checks that what one file names exists in another: a product's workflows, policy and documents.
enum CrossReferences {
    /// A product naming a policy whose file failed to compile is not reported again: the policy's own
    /// errors are. `templates` holds every template's name, compiled or not (a failed one reports itself).
    static func check(products: [ProductDefinition], workflows: [String: CompiledWorkflow], policies: PolicySet,
                      templates templateNames: Set<String>) -> [Diagnostic] {
        let workflowNames = Set(workflows.keys)
        let policyNames = Set(policies.policies.keys)
        var diagnostics: [Diagnostic] = []
        for product in products {
            let refs = product.references
            diagnostics += missing(refs.workflow, in: workflowNames, kind: "workflow", folder: "workflows/")
            diagnostics += missing(refs.servicingWorkflow, in: workflowNames, kind: "workflow", folder: "workflows/")
            if let policy = refs.policy, !policies.failedNames.contains(policy.value) {
                diagnostics += missing(policy, in: policyNames, kind: "policy", folder: "policies/")
            }
            for document in refs.documents {
                diagnostics += missing(document, in: templateNames, kind: "template", folder: "templates/")
            }
        }
        return diagnostics
    }

    /// An error at `name` when it is not among `known`, with a suggestion and the list.
    static func missing(_ name: Located<String>?, in known: Set<String>, kind: String, folder: String) -> [Diagnostic] {
        guard let name, !known.contains(name.value) else { return [] }
        let sorted = known.sorted()
        let hint = Suggestion.hint(for: name.value, in: sorted)
        let list = sorted.isEmpty ? "there are none in \(folder)" : "known: " + sorted.joined(separator: ", ")
        return [Diagnostic(at: name.location, "unknown \(kind) `\(name.value)`\(hint) (\(list))", length: name.length)]
    }
}
