import Catalog
import Testing
import Workflow

/// Each folder of `Fixtures/diagnostics/` holds a `workflow.yaml` with one class of mistake (or
/// several) and `expected.txt`: the full rendered diagnostics. Regenerate with
/// `LENDLINE_UPDATE_GOLDEN=1 swift test --filter WorkflowTests`.
@Suite struct GoldenDiagnosticsTests {
    @Test(arguments: Golden.cases("diagnostics"))
    func diagnostics(_ name: String) throws {
        let path = "\(name)/workflow.yaml"
        let text = try #require(Golden.text("diagnostics", name, "workflow.yaml"))
        guard case .failure(let error) = WorkflowLoader.load(ConfigSource(text: text, displayPath: path),
                                                             expectedName: nil)
        else {
            Issue.record("\(name): the workflow compiled without errors")
            return
        }
        try Golden.check(DiagnosticsReport.render(error, sources: [path: text]), group: "diagnostics", name: name)
    }
}
