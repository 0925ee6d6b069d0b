import Workflow

/// A workflow as labelled facts in an ops team's words ("on approve in manual-review" →
/// "to sanction; roles credit-manager; 2 checkers (credit-manager, admin) when amount > ₹10,00,000").
enum WorkflowFacts {
    static func facts(_ w: CompiledWorkflow) -> [(label: String, value: String)] {
        var facts: [(String, String)] = [("initial state", w.initialState)]
        for name in w.stateNames {
            guard let state = w.state(name) else { continue }
            facts.append(("state \(name)", state.isFinal ? "final" : "in use"))
            if !state.entryActions.isEmpty {
                facts.append(("entry actions of \(name)", state.entryActions.map(\.description).joined(separator: ", ")))
            }
            for timer in state.timers {
                facts.append(("timer in \(name) firing \(timer.event)", "after \(timer.after)"))
            }
            for event in state.events {
                guard let t = state.transitions[event] else { continue }
                facts.append(("on \(event) in \(name)", describe(t)))
            }
        }
        return facts
    }

    static func describe(_ t: CompiledTransition) -> String {
        var parts = ["to \(t.target)"]
        if let condition = t.condition { parts.append("if \(condition.text)") }
        if !t.roles.isEmpty { parts.append("roles " + t.roles.joined(separator: ", ")) }
        if let mc = t.makerChecker {
            var text = "\(mc.checkers) checker\(mc.checkers == 1 ? "" : "s") (\(mc.roles.joined(separator: ", ")))"
            if let when = mc.condition { text += " when \(when.text)" }
            parts.append(text)
        }
        if !t.actions.isEmpty { parts.append("actions " + t.actions.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
