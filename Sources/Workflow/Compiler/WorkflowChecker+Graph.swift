import Rules

extension WorkflowChecker {
    /// Every state reachable from the initial one, every reachable state with a way to a final
    /// state, every declared event handled somewhere.
    mutating func checkGraph() {
        let states = definition.states
        let edges = Dictionary(states.map { ($0.name.value, $0.transitions.map(\.target.value)) }) { first, _ in first }
        let finals = states.filter(\.isFinal).map(\.name.value)
        if stateNames.contains(definition.initial.value) {
            let reachable = WorkflowChecker.closure(from: [definition.initial.value], edges: edges)
            for state in states where !reachable.contains(state.name.value) {
                report(state.name.diagnostic("the state `\(state.name.value)` cannot be reached from the initial state "
                                             + "`\(definition.initial.value)`"))
            }
            checkWayToFinal(reachable: reachable, edges: edges, finals: finals)
        }
        let handled = Set(states.flatMap { $0.transitions.map(\.event.value) })
        for event in definition.events where !handled.contains(event.value) {
            report(event.diagnostic("no state handles the event `\(event.value)`"))
        }
    }

    /// Reports reachable states from which no final state can be reached.
    mutating func checkWayToFinal(reachable: Set<String>, edges: [String: [String]], finals: [String]) {
        guard !finals.isEmpty else {
            if !definition.states.isEmpty {
                report(definition.name.diagnostic("the workflow has no final state; mark one with `final: true`"))
            }
            return
        }
        var reversed: [String: [String]] = [:]
        for (source, targets) in edges { for target in targets { reversed[target, default: []].append(source) } }
        let leadsToFinal = WorkflowChecker.closure(from: finals, edges: reversed)
        for state in definition.states
        where reachable.contains(state.name.value) && !leadsToFinal.contains(state.name.value) {
            report(state.name.diagnostic("the state `\(state.name.value)` has no way to a final state ("
                                         + finals.joined(separator: ", ") + ")"))
        }
    }

    /// The states reachable from `starts` along `edges`, the starts included.
    static func closure(from starts: [String], edges: [String: [String]]) -> Set<String> {
        var seen = Set(starts)
        var queue = starts
        while let next = queue.popLast() {
            for target in edges[next] ?? [] where seen.insert(target).inserted { queue.append(target) }
        }
        return seen
    }
}
