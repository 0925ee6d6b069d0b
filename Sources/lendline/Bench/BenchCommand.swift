import ArgumentParser

/// `lendline bench …`: performance measurements reported as figures, never as timed tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure performance.",
        subcommands: [ScheduleBench.self, RulesBench.self, EODBench.self, APIBench.self, OriginationBench.self])
}
