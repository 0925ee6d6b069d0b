import Rules

/// The result of one policy test case: what differed from the expectation, and the traced decision.
public struct PolicyTestResult: Sendable {
    public var testCase: PolicyTestCase
    /// One line per difference, e.g. `outcome: expected refer, got reject`; empty when it passed.
    public var failures: [String]
    /// The decision with its trace; nil when the evaluation failed.
    public var decision: Decision?

    public var passed: Bool { failures.isEmpty }
}

/// Runs policy test cases: evaluates each with a trace and compares what the case names.
public enum PolicyTestRunner {
    /// The result of every case of `suite` against `policy`.
    public static func run(_ suite: PolicyTestSuite, policy: CompiledPolicy) -> [PolicyTestResult] {
        suite.cases.map { run($0, policy: policy) }
    }

    /// The result of one case.
    public static func run(_ testCase: PolicyTestCase, policy: CompiledPolicy) -> PolicyTestResult {
        let decision: Decision
        do {
            decision = try policy.evaluate(testCase.inputs, trace: true)
        } catch {
            return PolicyTestResult(testCase: testCase, failures: ["evaluation failed: \(error)"], decision: nil)
        }
        return PolicyTestResult(
            testCase: testCase, failures: differences(testCase.expectation, decision), decision: decision)
    }

    /// What `decision` gets wrong against `expected`.
    static func differences(_ expected: PolicyExpectation, _ decision: Decision) -> [String] {
        var failures: [String] = []
        if let outcome = expected.outcome, outcome != decision.outcome {
            failures.append("outcome: expected \(outcome.rawValue), got \(decision.outcome.rawValue)")
        }
        if let reasons = expected.reasons {
            let got = decision.reasons.map(\.code)
            if reasons.sorted() != got.sorted() {
                failures.append("reasons: expected \(list(reasons)), got \(list(got))")
            }
        }
        for (name, value) in expected.outputs {
            let got = decision.outputs[name]
            if got != value {
                failures.append("\(name): expected \(value), got \(got.map(String.init(describing:)) ?? "nothing")")
            }
        }
        return failures
    }

    static func list(_ codes: [String]) -> String { "[" + codes.joined(separator: ", ") + "]" }
}
