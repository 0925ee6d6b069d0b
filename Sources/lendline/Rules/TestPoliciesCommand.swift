import ArgumentParser
import Catalog
import Foundation
import Rules

/// `lendline test-policies [DIR]`: runs the cases of `policies/tests/*.yaml` against their policies.
struct TestPoliciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-policies",
        abstract: "Run the policy tests in policies/tests/ and report failures with their traces.",
        discussion: """
            DIR is the configuration tree (holding policies/) or the policies/ folder itself. Each failing
            case is printed with what differed and the trace of its evaluation; the last line counts
            passed and failed cases. Exit status 1 when a case fails, 2 when a policy or test file has errors.
            """)

    @Argument(help: "The configuration tree or its policies/ folder (default: the current directory).")
    var directory = "."
    @Flag(name: .shortAndLong, help: "Print every case, not only failures.") var verbose = false

    func run() throws {
        let tree: ConfigTree
        do { tree = try ConfigTree.read(directory: Self.treeRoot(directory)) } catch {
            standardError(DiagnosticsReport.render(error))
            throw ExitCode(2)
        }
        let (set, diagnostics) = PolicySet.compile(tree)
        guard diagnostics.isEmpty else {
            standardError(DiagnosticsReport.render(DiagnosticsError(diagnostics), sources: tree.texts))
            throw ExitCode(2)
        }
        let report = Self.report(set, verbose: verbose)
        print(report.text)
        if report.failed > 0 { throw ExitCode(1) }
    }

    /// The tree root for `directory`: itself when it holds `policies/`, its parent when it is a
    /// `policies` folder.
    static func treeRoot(_ directory: String) -> String {
        var isDirectory: ObjCBool = false
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if FileManager.default.fileExists(atPath: trimmed + "/policies", isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return trimmed
        }
        let url = URL(fileURLWithPath: trimmed)
        return url.lastPathComponent == "policies" ? url.deletingLastPathComponent().path : trimmed
    }

    /// Every suite run: a line per suite, each failure with its differences and trace, and a count.
    static func report(_ set: PolicySet, verbose: Bool) -> (text: String, passed: Int, failed: Int) {
        var lines: [String] = []
        var passed = 0, failed = 0
        for suite in set.suites {
            guard let policy = set.policies[suite.policy] else { continue }
            let results = PolicyTestRunner.run(suite, policy: policy)
            let failures = results.filter { !$0.passed }
            passed += results.count - failures.count
            failed += failures.count
            lines.append(
                "\(failures.isEmpty ? "ok  " : "FAIL") \(suite.file) (\(suite.policy)): "
                    + "\(results.count - failures.count) of \(results.count) cases passed")
            for result in results where !result.passed || verbose {
                lines.append(contentsOf: describe(result))
            }
        }
        lines.append("\(passed) passed, \(failed) failed")
        return (lines.joined(separator: "\n"), passed, failed)
    }

    /// A case's result: its name and place, then (when it failed) each difference and the trace.
    static func describe(_ result: PolicyTestResult) -> [String] {
        let status = result.passed ? "  ok   " : "  FAIL "
        var lines = [status + "\(result.testCase.location): \(result.testCase.name)"]
        guard !result.passed else { return lines }
        lines += result.failures.map { "         " + $0 }
        if let trace = result.decision?.trace { lines.append("         trace: " + trace.compactText) }
        return lines
    }
}
