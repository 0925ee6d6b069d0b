import Rules

/// Compiles a workflow definition: checks states, events, roles, actions, timers and guards, then
/// the graph (every state reachable, every state with a way to a final one), reporting every
/// problem at once as `file:line:col`.
public enum WorkflowCompiler {
    /// The compiled workflow, or all of its diagnostics. `checksGraph: false` skips the graph checks,
    /// for a definition a loader could read only in part (missing pieces would make false reports).
    public static func compile(_ definition: WorkflowDefinition, vocabulary: WorkflowVocabulary = .standard,
                               checksGraph: Bool = true) -> Result<CompiledWorkflow, DiagnosticsError> {
        var checker = WorkflowChecker(definition: definition, vocabulary: vocabulary)
        let states = checker.compileStates()
        if checksGraph { checker.checkGraph() }
        guard checker.diagnostics.isEmpty else { return .failure(DiagnosticsError(checker.diagnostics)) }
        return .success(CompiledWorkflow(
            name: definition.name.value, file: definition.file, initialState: definition.initial.value,
            stateNames: definition.states.map(\.name.value), states: states,
            events: definition.events.map(\.value), context: checker.context))
    }
}

/// The state of one compilation: the definition, what it may refer to, and the problems found.
struct WorkflowChecker {
    let definition: WorkflowDefinition
    let vocabulary: WorkflowVocabulary
    var diagnostics: [Diagnostic] = []
    /// The context inputs declared so far.
    var context = Declarations()
    let stateNames: [String]
    let eventNames: [String]

    init(definition: WorkflowDefinition, vocabulary: WorkflowVocabulary) {
        self.definition = definition
        self.vocabulary = vocabulary
        stateNames = definition.states.map(\.name.value)
        eventNames = definition.events.map(\.value)
    }

    /// Every state compiled, after the context, the declared names and the initial state are checked.
    mutating func compileStates() -> [String: CompiledState] {
        declareContext()
        checkUnique(definition.events, noun: "event")
        checkUnique(definition.states.map(\.name), noun: "state")
        if definition.states.isEmpty {
            report(definition.name.diagnostic("the workflow has no states"))
        } else if !stateNames.contains(definition.initial.value) {
            report(definition.initial.diagnostic("the initial state `\(definition.initial.value)` is not a state of "
                                                 + "the workflow" + NameHint.suggestion(for: definition.initial.value,
                                                                                        among: stateNames)))
        }
        var states: [String: CompiledState] = [:]
        for state in definition.states where states[state.name.value] == nil {
            states[state.name.value] = compile(state)
        }
        return states
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Reports each name written a second time.
    mutating func checkUnique(_ names: [Sourced<String>], noun: String) {
        var seen: [String: SourceLocation] = [:]
        for name in names {
            if let first = seen[name.value] {
                let firstAt = "\(first.line):\(first.column)"
                report(name.diagnostic("the \(noun) `\(name.value)` is declared twice (first at \(firstAt))"))
            } else {
                seen[name.value] = name.location
            }
        }
    }
}
