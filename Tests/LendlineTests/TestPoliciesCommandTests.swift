import ArgumentParser
import Catalog
import Foundation
import Rules
import Testing
@testable import lendline

@Suite("lendline test-policies")
struct TestPoliciesCommandTests {
    static let policy = """
        policy: underwriting
        inputs:
          bureau_score: integer
        rules:
          - id: R1
            when: bureau_score < 650
            outcome: reject
            reason: SCORE_LOW
            message: Score below 650
        """

    static let tests = """
        policy: underwriting
        cases:
          - name: a low score is rejected
            inputs: { bureau_score: 600 }
            expect: { outcome: reject, reasons: [SCORE_LOW] }
          - name: a good score is approved
            inputs: { bureau_score: 640 }
            expect: { outcome: approve, reasons: [] }
        """

    /// A configuration tree holding `policies/underwriting.yaml` and its tests.
    func tree(tests: String = Self.tests) throws -> URL {
        let folder = try PolicyFiles.folder()
        try PolicyFiles.write(Self.policy, "policies/underwriting.yaml", in: folder)
        try PolicyFiles.write(tests, "policies/tests/underwriting.yaml", in: folder)
        return folder
    }

    @Test("every shipped policy test passes")
    func shipped() throws {
        let (set, diagnostics) = PolicySet.compile(try ConfigTree.read(directory: repositoryRoot))
        #expect(diagnostics.isEmpty)
        let report = TestPoliciesCommand.report(set, verbose: false)
        #expect(report.failed == 0)
        #expect(report.passed >= 60)
        let lines = report.text.split(separator: "\n")
        #expect(lines.count == set.suites.count + 1)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("ok   policies/tests/") })
        #expect(lines.last.map(String.init) == "\(report.passed) passed, 0 failed")
    }

    @Test("a failing case is printed with what differed and its trace; exit status 1")
    func failure() throws {
        let folder = try tree()
        let (set, _) = PolicySet.compile(try ConfigTree.read(directory: folder.path))
        let report = TestPoliciesCommand.report(set, verbose: false)
        #expect(
            report.text == """
                FAIL policies/tests/underwriting.yaml (underwriting): 1 of 2 cases passed
                  FAIL policies/tests/underwriting.yaml:6:5: a good score is approved
                         outcome: expected approve, got reject
                         reasons: expected [], got [SCORE_LOW]
                         trace: in bureau_score=640; rule R1=1
                1 passed, 1 failed
                """)
        #expect(throws: ExitCode(1)) { try TestPoliciesCommand.parse([folder.path]).run() }
        #expect(throws: ExitCode(1)) { try TestPoliciesCommand.parse([folder.path + "/policies"]).run() }
    }

    @Test("--verbose lists passing cases too")
    func verbose() throws {
        let folder = try tree(
            tests: Self.tests.replacingOccurrences(of: "bureau_score: 640", with: "bureau_score: 700"))
        let (set, _) = PolicySet.compile(try ConfigTree.read(directory: folder.path))
        let report = TestPoliciesCommand.report(set, verbose: true)
        #expect(
            report.text == """
                ok   policies/tests/underwriting.yaml (underwriting): 2 of 2 cases passed
                  ok   policies/tests/underwriting.yaml:3:5: a low score is rejected
                  ok   policies/tests/underwriting.yaml:6:5: a good score is approved
                2 passed, 0 failed
                """)
        try TestPoliciesCommand.parse([folder.path]).run()
    }

    @Test("a test file with errors stops the run: exit status 2")
    func errors() throws {
        let folder = try tree(tests: Self.tests.replacingOccurrences(of: "bureau_score: 640", with: "bureau_scre: 640"))
        #expect(throws: ExitCode(2)) { try TestPoliciesCommand.parse([folder.path]).run() }
    }

    @Test("DIR is the tree or its policies/ folder")
    func treeRoot() throws {
        let folder = try tree()
        #expect(TestPoliciesCommand.treeRoot(folder.path) == folder.path)
        #expect(TestPoliciesCommand.treeRoot(folder.path + "/policies/") == folder.path)
    }
}

@Suite("lendline bench rules: its applicants")
struct UnderwritingApplicantsTests {
    @Test("the generated applicants fit the shipped policy and reach every outcome")
    func applicants() throws {
        let policy = try PolicyLoader.load(path: PolicyFiles.shipped("personal-loan-underwriting")).get()
        let applicants = try UnderwritingApplicants.make(for: policy, count: 512).get()
        var outcomes: Set<Outcome> = []
        var reasons: Set<String> = []
        for applicant in applicants {
            let decision = try policy.evaluate(applicant)
            outcomes.insert(decision.outcome)
            reasons.formUnion(decision.reasons.map(\.code))
        }
        #expect(outcomes == [.approve, .refer, .reject])
        #expect(reasons.count >= 12)
    }
}
