import ArgumentParser
import Catalog
import Foundation
import Rules

/// `lendline bench rules`: single-core evaluations per second of the shipped underwriting policy,
/// without and with a trace, and the time to compile every shipped policy from its text.
struct RulesBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Time policy evaluation and compilation (build with -c release for real figures).")

    @Option(help: "Directory holding policies/.") var config = "."
    @Option(help: "The policy to evaluate.") var policy = "personal-loan-underwriting"
    @Option(help: "Evaluations without a trace (a quarter as many with one).") var evaluations = 2_000_000
    @Option(help: "Compilations of all shipped policies.") var compilations = 20

    func run() throws {
        let tree = try ConfigTree.read(directory: config)
        let sources = PolicySet.policyFiles(tree)
        guard !sources.isEmpty else { throw ValidationError("no policy files under \(config)/policies") }
        let clock = ContinuousClock()
        var timings: [Duration] = []
        var compiled: [String: CompiledPolicy] = [:]
        for _ in 0..<max(1, compilations) {
            let start = clock.now
            for source in sources {
                let loaded = try PolicyLoader.load(source, expectedID: nil).get()
                compiled[loaded.name] = loaded
            }
            timings.append(clock.now - start)
        }
        let stats = BenchStatistics(timings)
        let median = format(stats.median.milliseconds, places: 2)
        let minimum = format(stats.minimum.milliseconds, places: 2)
        print("compile \(sources.count) shipped policies (YAML text → compiled): median \(median) ms, "
            + "min \(minimum) ms (\(timings.count) runs)")
        guard let underwriting = compiled[policy] else {
            throw ValidationError("no policy `\(policy)` under \(config)/policies")
        }
        try report(underwriting, shape: Self.shape(of: policy, in: sources), clock: clock)
    }

    /// Evaluation figures for `policy` over the generated applicants.
    func report(_ policy: CompiledPolicy, shape: String, clock: ContinuousClock) throws {
        let applicants = try UnderwritingApplicants.make(for: policy, count: 1024).get()
        var outcomes: [Outcome: Int] = [:]
        var traceBytes = 0
        for applicant in applicants {
            let decision = try policy.evaluate(applicant, trace: true)
            outcomes[decision.outcome, default: 0] += 1
            traceBytes += decision.trace?.compactText.utf8.count ?? 0
        }
        let rounds = 5
        let plain = (0..<rounds).map { _ in
            Self.rate(policy, applicants, evaluations / rounds, trace: false, clock)
        }.max()!
        let traced = (0..<rounds).map { _ in
            Self.rate(policy, applicants, evaluations / 4 / rounds, trace: true, clock)
        }.max()!
        print("\(policy.name) (\(shape)), one core, best of \(rounds) rounds:")
        print("  without trace: \(format(plain, places: 0)) evaluations/s")
        print("  with trace:    \(format(traced, places: 0)) evaluations/s")
        print(
            "  outcomes of \(applicants.count) generated applicants: "
                + Outcome.allCases.map { "\($0.rawValue) \(outcomes[$0] ?? 0)" }.joined(separator: ", "))
        print("  trace as compact text: \(traceBytes / applicants.count) bytes on average")
    }

    /// Evaluations per second over `count` evaluations cycling through `applicants`.
    static func rate(
        _ policy: CompiledPolicy, _ applicants: [InputValues], _ count: Int, trace: Bool,
        _ clock: ContinuousClock
    ) -> Double {
        var sink = 0
        let start = clock.now
        for i in 0..<max(1, count) {
            if let decision = try? policy.evaluate(applicants[i & (applicants.count - 1)], trace: trace) {
                sink &+= decision.reasons.count
            }
        }
        let seconds = (clock.now - start).milliseconds / 1000
        if sink == -1 { print(sink) }
        return Double(max(1, count)) / max(seconds, 1e-9)
    }

    /// `13 inputs, 4 derived, 17 rules, table pricing (20 rows)` for the policy called `name`.
    static func shape(of name: String, in sources: [ConfigSource]) -> String {
        for source in sources {
            guard case .success(let written) = PolicyLoader.source(source, expectedID: nil), written.name == name else {
                continue
            }
            let tables = written.tables.map { "\($0.id) (\($0.rows.count) rows)" }.joined(separator: ", ")
            return "\(written.inputs.count) inputs, \(written.derived.count) derived, \(written.rules.count) rules, "
                + "table \(tables)"
        }
        return name
    }
}
