import LoanMath

/// Measures the rules engine on `BenchmarkPolicy` for `lendline bench rules`. Reads the clock: it
/// is a measuring harness, not domain code.
public enum RulesBenchmark {
    /// Figures from one run.
    public struct Figures: Sendable {
        /// Time to compile the policy from its source values, in milliseconds (median of runs).
        public var compileMilliseconds: Double
        /// Evaluations per second without a trace, on one core (best of five rounds).
        public var evaluationsPerSecond: Double
        /// Evaluations per second with a trace.
        public var tracedEvaluationsPerSecond: Double
        /// Outcomes seen over the applicant mix: approve, refer, reject.
        public var outcomes: [Outcome: Int]
        /// One trace, to show its size.
        public var sampleTrace: String
    }

    /// Compiles the benchmark policy `compilations` times and evaluates `evaluations` applications.
    public static func run(evaluations: Int = 1_000_000, compilations: Int = 20) throws(DiagnosticsError) -> Figures {
        let clock = ContinuousClock()
        let (source, _) = BenchmarkPolicy.source()
        var compileTimes: [Duration] = []
        var compiled: Result<CompiledPolicy, DiagnosticsError>?
        for _ in 0..<max(1, compilations) {
            let start = clock.now
            compiled = PolicyCompiler.compile(source)
            compileTimes.append(clock.now - start)
        }
        let policy = try compiled!.get()
        let applicants = BenchmarkApplicants.make(for: policy, count: 256)
        var outcomes: [Outcome: Int] = [:]
        for applicant in applicants {
            if let decision = try? policy.evaluate(applicant) { outcomes[decision.outcome, default: 0] += 1 }
        }
        // Best of five rounds: the figure least disturbed by other work on the machine.
        let rounds = 5
        let plain = (0..<rounds).map { _ in measure(policy, applicants, max(1, evaluations / rounds), trace: false, clock) }.max()!
        let traced = (0..<rounds).map { _ in measure(policy, applicants, max(1, evaluations / 4 / rounds), trace: true, clock) }.max()!
        let sample = (try? policy.evaluate(applicants[0], trace: true).trace?.compactText) ?? ""
        return Figures(compileMilliseconds: milliseconds(compileTimes.sorted()[compileTimes.count / 2]),
                       evaluationsPerSecond: plain, tracedEvaluationsPerSecond: traced, outcomes: outcomes, sampleTrace: sample)
    }

    private static func measure(_ policy: CompiledPolicy, _ applicants: [InputValues], _ count: Int, trace: Bool,
                                _ clock: ContinuousClock) -> Double {
        var sink = 0
        let start = clock.now
        for i in 0..<count {
            if let decision = try? policy.evaluate(applicants[i & (applicants.count - 1)], trace: trace) {
                sink &+= decision.reasons.count
            }
        }
        let seconds = milliseconds(clock.now - start) / 1000
        if sink == -1 { print(sink) }
        return Double(count) / max(seconds, 1e-9)
    }

    static func milliseconds(_ d: Duration) -> Double {
        let (s, attoseconds) = d.components
        return Double(s) * 1000 + Double(attoseconds) / 1e15
    }
}

/// A deterministic mix of applicants for the benchmark policy.
enum BenchmarkApplicants {
    static func make(for policy: CompiledPolicy, count: Int) -> [InputValues] {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let slot = { (name: String) in policy.inputSlot(named: name)! }
        let application = LocalDate(year: 2026, month: 3, day: 15)!
        var result: [InputValues] = []
        for _ in 0..<count {
            var inputs = policy.makeInputs()
            inputs[slot("date_of_birth")] = .date(application.adding(days: -(19 * 365 + next(45 * 365))))
            inputs[slot("application_date")] = .date(application)
            let income = Int64(20_000 + next(180_000))
            inputs[slot("monthly_income")] = .rupees(income)
            inputs[slot("existing_emi")] = .rupees(Int64(next(Int(income / 2))))
            inputs[slot("requested_amount")] = .rupees(Int64(50_000 + next(20) * 50_000))
            inputs[slot("tenure_months")] = .integer(Int64([12, 24, 36, 48, 60, 72][next(6)]))
            inputs[slot("bureau_score")] = .integer(Int64(600 + next(300)))
            inputs[slot("max_dpd_12m")] = .integer(Int64([0, 0, 0, 0, 15, 45, 120][next(7)]))
            inputs[slot("enquiries_6m")] = .integer(Int64(next(8)))
            inputs[slot("employment_type")] = .string(next(3) == 0 ? "self_employed" : "salaried")
            inputs[slot("months_in_job")] = .integer(Int64(next(120)))
            result.append(inputs)
        }
        return result
    }
}
