import Identity
import Rules

/// A compiled policy with the reason codes its rules give, for checking the tests that name it.
struct LoadedPolicy: Sendable {
    let compiled: CompiledPolicy
    let reasonCodes: [String]
    /// The inputs as declared, with their places (for cross-references).
    let inputs: [InputSource]
}

/// Every policy of a configuration tree, compiled, and every policy test file checked against them.
/// Policies are the files under `policies/` except `policies/calendars/`, `policies/tests/`, the
/// application model, the asset classification settings and the chart of accounts.
public struct PolicySet: Sendable {
    /// Compiled policies by name.
    public let policies: [String: CompiledPolicy]
    /// The test suites of `policies/tests/`, in file order.
    public let suites: [PolicyTestSuite]
    /// Names (file stems) of policy files that did not compile; their errors are reported already.
    public let failedNames: Set<String>
    /// The inputs of each compiled policy as declared, by policy name.
    let inputs: [String: [InputSource]]

    /// Compiles the policies and tests of `tree`, with the diagnostics of every file together.
    public static func compile(_ tree: ConfigTree) -> (set: PolicySet, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var loaded: [String: LoadedPolicy] = [:]
        var failed: Set<String> = []
        for source in policyFiles(tree) {
            let stem = ProductLoader.fileStem(source.displayPath)
            switch PolicyLoader.loaded(source, expectedID: stem) {
            case .success(let policy): loaded[policy.compiled.name] = policy
            case .failure(let error):
                failed.insert(stem)
                diagnostics += error.diagnostics
            }
        }
        var suites: [PolicyTestSuite] = []
        for source in testFiles(tree) {
            let log = DiagnosticLog()
            do {
                let root = try source.parse()
                let suite = PolicyTestDecoder(log: log).decode(
                    root, file: source.displayPath, policies: loaded, failed: failed)
                if let suite, !log.hasErrors { suites.append(suite) }
            } catch {
                log.add(error.diagnostics)
            }
            diagnostics += log.diagnostics
        }
        let set = PolicySet(
            policies: loaded.mapValues(\.compiled), suites: suites, failedNames: failed,
            inputs: loaded.mapValues(\.inputs))
        return (set, diagnostics)
    }

    /// The policy files of `tree`.
    public static func policyFiles(_ tree: ConfigTree) -> [ConfigSource] {
        tree.files(in: "policies").filter {
            !$0.displayPath.hasPrefix("policies/calendars/") && !$0.displayPath.hasPrefix("policies/tests/")
                && $0.displayPath != ApplicationModel.path && $0.displayPath != AssetClassificationPolicy.path
                && $0.displayPath != ChartOfAccounts.path && $0.displayPath != AccessPolicy.path
                && $0.displayPath != IntegrationConfiguration.path
        }
    }

    /// The policy test files of `tree`.
    public static func testFiles(_ tree: ConfigTree) -> [ConfigSource] { tree.files(in: "policies/tests") }
}
