import ArgumentParser
import LoanMath

/// `lendline bench schedule`: one 360-instalment EMI schedule, and a batch of mixed products.
struct ScheduleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Time schedule generation (build with -c release for real figures).")

    @Option(help: "Schedules in the mixed batch.") var count = 100_000
    @Option(help: "Repetitions of the 360-row schedule.") var repetitions = 2_000
    @Option(help: "Directory holding products/ for the mixed batch.") var config = "."

    func run() throws {
        let single = LoanTerms(principal: Money(major: 5_000_000), annualRate: Rate(parsing: "8.5%")!,
                               installmentCount: 360, disbursementDate: LocalDate(iso: "2026-01-10")!)
        var timings: [Duration] = []
        let clock = ContinuousClock()
        var sink = 0
        for _ in 0..<repetitions {
            let start = clock.now
            let schedule = try ScheduleEngine.schedule(for: single)
            timings.append(clock.now - start)
            sink &+= Int(schedule.rows.count)
        }
        let stats = BenchStatistics(timings)
        print("360-row EMI schedule: median \(format(stats.median.microseconds)) µs, "
            + "p99 \(format(stats.percentile(0.99).microseconds)) µs, min \(format(stats.minimum.microseconds)) µs "
            + "(\(repetitions) runs)")

        let mix = try MixedBook.terms(count: count, configDirectory: config)
        let start = clock.now
        var rows = 0
        for terms in mix.terms {
            rows &+= try ScheduleEngine.schedule(for: terms).rows.count
        }
        let elapsed = clock.now - start
        print("\(count) schedules of \(mix.source) (\(rows) rows): \(format(elapsed.milliseconds)) ms, "
            + "\(format(Double(count) / (elapsed.milliseconds / 1000), places: 0)) schedules/s")
        if sink == 0 { print("") }
    }
}
