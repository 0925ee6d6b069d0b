import Catalog
import Rules
import Testing

/// Each folder of `Fixtures/policies/` holds a `policy.yaml` with one class of mistake (or several)
/// and `expected.txt`: the full rendered diagnostics, each at its exact place inside the YAML
/// string. Each folder of `Fixtures/policy-tests/` holds a `policy.yaml` (policy `p`), a
/// `tests.yaml` and `expected.txt`. Regenerate with `LENDLINE_UPDATE_GOLDEN=1 swift test --filter CatalogTests`.
@Suite struct PolicyGoldenTests {
    @Test(arguments: Golden.cases("policies"))
    func policyCase(_ name: String) throws {
        let path = "\(name)/policy.yaml"
        let text = try #require(Golden.text("policies", name, "policy.yaml"))
        guard case .failure(let error) = PolicyLoader.load(ConfigSource(text: text, displayPath: path), expectedID: nil)
        else {
            Issue.record("\(name): the policy compiled without errors")
            return
        }
        try Golden.check(DiagnosticsReport.render(error, sources: [path: text]), group: "policies", name: name)
    }

    @Test(arguments: Golden.cases("policy-tests"))
    func policyTestCase(_ name: String) throws {
        let policy = try #require(Golden.text("policy-tests", name, "policy.yaml"))
        let tests = try #require(Golden.text("policy-tests", name, "tests.yaml"))
        let tree = ConfigTree(files: [
            ConfigSource(text: policy, displayPath: "policies/p.yaml"),
            ConfigSource(text: tests, displayPath: "policies/tests/\(name).yaml"),
        ])
        let diagnostics = PolicySet.compile(tree).diagnostics
        guard !diagnostics.isEmpty else {
            Issue.record("\(name): the tests were read without errors")
            return
        }
        try Golden.check(
            DiagnosticsReport.render(DiagnosticsError(diagnostics), sources: tree.texts),
            group: "policy-tests", name: name)
    }
}
