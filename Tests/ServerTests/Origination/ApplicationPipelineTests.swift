import LoanMath
import Testing
@testable import Server

/// Turnaround per stage from histories, without a server: days between the business dates a state
/// was entered and left; steps that stay in a state (an approval requested) do not end the stage.
@Suite("Application pipeline: turnaround per stage")
struct ApplicationPipelineTests {
    static func step(_ n: Int64, _ from: String, _ to: String, _ date: String) -> ApplicationStep {
        ApplicationStep(sequence: n, command: "fire", event: "", actorID: "t", businessDate: LocalDate(iso: date)!,
                        fromState: from, toState: to, outcome: "")
    }

    @Test("two applications: draft 1 and 3 days, manual review 4 days with an approval request inside it")
    func stages() {
        let history: [(String, ApplicationStep)] = [
            ("A", Self.step(1, "", "draft", "2026-03-01")),
            ("A", Self.step(2, "draft", "kyc", "2026-03-02")),
            ("A", Self.step(3, "kyc", "underwriting", "2026-03-02")),
            ("A", Self.step(4, "underwriting", "manual-review", "2026-03-02")),
            ("A", Self.step(5, "manual-review", "manual-review", "2026-03-03")),
            ("A", Self.step(6, "manual-review", "sanctioned", "2026-03-06")),
            ("B", Self.step(1, "", "draft", "2026-03-01")),
            ("B", Self.step(2, "draft", "withdrawn", "2026-03-04")),
        ]
        let stages = ApplicationPipeline.turnaround(history)
        #expect(stages.map(\.state) == ["draft", "kyc", "underwriting", "manual-review"])
        #expect(stages[0] == .init(state: "draft", exits: 2, totalDays: 4, maxDays: 3))
        #expect(stages[3] == .init(state: "manual-review", exits: 1, totalDays: 4, maxDays: 4))
        // Average of 1 and 3 days: 2.00; of 0 days: 0.00.
        #expect(ApplicationPipeline.stage(stages[0]).text.contains(#""average_days":"2.00""#))
        #expect(ApplicationPipeline.stage(stages[1]).text.contains(#""average_days":"0.00""#))
    }
}
