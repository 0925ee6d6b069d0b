import Rules
import Testing
import Workflow

/// The compiler on definitions built in code (as another loader or a tool would fill them).
@Suite struct WorkflowCompilerTests {
    static let file = "workflows/in-code.yaml"

    static func at(_ line: Int, _ column: Int = 1) -> Rules.SourceLocation {
        Rules.SourceLocation(file: file, line: line, column: column)
    }

    static func name(_ text: String, _ line: Int) -> Sourced<String> { Sourced(text, at: at(line), length: text.count) }

    /// `draft --submit--> review --approve--> review` (no final state) and a duplicate `review`.
    static let looping = WorkflowDefinition(
        name: name("looping", 1), file: file, location: at(1), events: [name("submit", 2), name("approve", 2)],
        initial: name("draft", 3),
        states: [
            StateDefinition(name: name("draft", 4), transitions: [
                TransitionDefinition(event: name("submit", 5), target: name("review", 5)),
            ]),
            StateDefinition(name: name("review", 6), transitions: [
                TransitionDefinition(event: name("approve", 7), target: name("review", 7)),
            ]),
            StateDefinition(name: name("review", 8)),
        ])

    static func messages(_ result: Result<CompiledWorkflow, DiagnosticsError>) -> [String] {
        guard case .failure(let error) = result else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func reportsNoFinalStateAndDuplicateStates() {
        #expect(Self.messages(WorkflowCompiler.compile(Self.looping)) == [
            "workflows/in-code.yaml:1:1: error: the workflow has no final state; mark one with `final: true`",
            "workflows/in-code.yaml:8:1: error: the state `review` is declared twice (first at 6:1)",
        ])
    }

    @Test func graphChecksCanBeSkipped() {
        #expect(Self.messages(WorkflowCompiler.compile(Self.looping, checksGraph: false)) == [
            "workflows/in-code.yaml:8:1: error: the state `review` is declared twice (first at 6:1)",
        ])
    }

    @Test func aVocabularyNamesTheRolesAndActions() {
        var definition = Self.looping
        definition.states = [
            StateDefinition(name: Self.name("draft", 4), entry: [ActionDefinition(name: Self.name("branch.visit", 4))],
                            transitions: [TransitionDefinition(event: Self.name("submit", 5),
                                                               target: Self.name("done", 5),
                                                               roles: [Self.name("branch-head", 5)])]),
            StateDefinition(name: Self.name("done", 6), isFinal: true),
        ]
        definition.events = [Self.name("submit", 2)]
        let vocabulary = WorkflowVocabulary(actions: ActionRegistry(["branch.visit": .none]), roles: ["branch-head"])
        let workflow = try? WorkflowCompiler.compile(definition, vocabulary: vocabulary).get()
        #expect(workflow?.state("draft")?.entryActions == [WorkflowAction("branch.visit")])
        #expect(workflow?.finalStates == ["done"])
        #expect(Self.messages(WorkflowCompiler.compile(definition)).count == 2)
    }
}
