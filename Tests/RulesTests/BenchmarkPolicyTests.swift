import LoanMath
import Testing
@testable import Rules

@Suite struct BenchmarkPolicyTests {
    @Test func compilesWithoutDiagnostics() throws {
        let (source, text) = BenchmarkPolicy.source()
        switch PolicyCompiler.compile(source) {
        case .success(let policy):
            #expect(policy.declarations.count == 11)
        case .failure(let error):
            Issue.record("\(DiagnosticRenderer(sources: [BenchmarkPolicy.file: text]).render(error.diagnostics))")
        }
    }

    @Test func printsFigures() throws {
        let figures = try RulesBenchmark.run(evaluations: 20_000, compilations: 2)
        print("rules bench (debug build): \(Int(figures.evaluationsPerSecond)) evals/s, traced \(Int(figures.tracedEvaluationsPerSecond)), compile \(figures.compileMilliseconds) ms, outcomes \(figures.outcomes)")
        print(figures.sampleTrace)
        #expect(figures.outcomes.values.reduce(0, +) == 256)
    }
}
