import Foundation
import LoanMath
import Testing
@testable import lendline

/// Backtests of changes to the shipped underwriting policy over a generated case file. The
/// expected counts are worked out here from the generated figures alone (FOIR by integer
/// arithmetic), not by the engine under test.
@Suite("lendline decide --against: backtests")
struct BacktestTests {
    /// One generated applicant: only income, EMIs and score vary; the rest keeps every other rule quiet
    /// (35 years old, salaried 40 months, ₹1,00,000 over 36 months, 3 enquiries: no fast track).
    struct Applicant {
        var income: Int
        var existingEMI: Int
        var proposedEMI: Int
        var score: Int

        /// FOIR above `percent`%, exactly: (existing + proposed) × 100 > percent × income.
        func foirAbove(_ percent: Int) -> Bool { (existingEMI + proposedEMI) * 100 > percent * income }

        var json: String {
            "{\"date_of_birth\":\"1990-05-10\",\"application_date\":\"2026-03-15\",\"employment_type\":\"salaried\","
                + "\"months_in_job\":40,\"monthly_income\":\(income),\"existing_emi\":\(existingEMI),"
                + "\"proposed_emi\":\(proposedEMI),\"requested_amount\":100000,\"tenure_months\":36,"
                + "\"bureau_score\":\(score),\"max_dpd_12m\":0,\"enquiries_6m\":3,\"written_off_or_settled_36m\":false}"
        }
    }

    /// 2,000 applicants from seed 42: incomes ₹30,000–₹2,00,000, FOIR about 5%–80%, scores 750–849
    /// and every tenth 640 (rejected whatever the FOIR).
    static func applicants() -> [Applicant] {
        var random = SeededGenerator(seed: 42)
        return (0..<2_000).map { i in
            let income = 30_000 + Int(random.next() % 171) * 1_000
            let existing = Int(random.next() % UInt64(income * 6 / 10))
            let proposed = 3_000 + Int(random.next() % UInt64(income / 5))
            let score = i % 10 == 9 ? 640 : 750 + Int(random.next() % 100)
            return Applicant(income: income, existingEMI: existing, proposedEMI: proposed, score: score)
        }
    }

    /// The summary of deciding the generated cases with `candidate` against the shipped policy.
    func backtest(_ candidate: String) throws -> [String: Any] {
        let folder = try PolicyFiles.folder()
        let cases = try PolicyFiles.write(
            Self.applicants().map(\.json).joined(separator: "\n") + "\n", "cases.jsonl",
            in: folder)
        let policy = try PolicyFiles.write(candidate, "underwriting-v2.yaml", in: folder)
        let command = try DecideCommand.parse([
            "--policy", policy, "--inputs", cases,
            "--against", PolicyFiles.shipped("personal-loan-underwriting"),
        ])
        let text = try command.output().text
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("lowering the FOIR reject limit from 60% to 55% flips refer → reject, caused by R10 and R11")
    func foirLimit() throws {
        let shipped = try PolicyFiles.shippedText("personal-loan-underwriting")
        let tightened = shipped.replacingOccurrences(of: "when: foir > 60%", with: "when: foir > 55%")
            .replacingOccurrences(of: "when: foir > 50% and foir <= 60%", with: "when: foir > 50% and foir <= 55%")
        #expect(tightened.components(separatedBy: "55%").count == 3)
        let applicants = Self.applicants()
        let scored = applicants.filter { $0.score != 640 }
        let flipped = scored.filter { $0.foirAbove(55) && !$0.foirAbove(60) }.count
        let refer = { (limit: Int) in scored.filter { $0.foirAbove(50) && !$0.foirAbove(limit) }.count }
        let approve = scored.filter { !$0.foirAbove(50) }.count
        #expect(flipped > 50)

        let summary = try backtest(tightened)
        #expect(summary["cases"] as? Int == 2_000)
        #expect(summary["changed"] as? Int == flipped)
        #expect(summary["errors"] as? Int == 0)
        let outcomes = try #require(summary["outcomes"] as? [String: [String: Int]])
        #expect(outcomes["against"] == ["approve": approve, "refer": refer(60), "reject": 2_000 - approve - refer(60)])
        #expect(outcomes["policy"] == ["approve": approve, "refer": refer(55), "reject": 2_000 - approve - refer(55)])
        let flips = try #require(summary["flips"] as? [[String: Any]])
        #expect(flips.count == 1)
        #expect(flips.first?["from"] as? String == "refer")
        #expect(flips.first?["to"] as? String == "reject")
        #expect(flips.first?["count"] as? Int == flipped)
        let rules = try #require(flips.first?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["rule"] as? String } == ["R10", "R11"])
        #expect(rules.map { $0["code"] as? String } == ["FOIR_ABOVE_LIMIT", "FOIR_HIGH"])
        #expect(rules.map { $0["now_fires"] as? Bool } == [true, false])
        #expect(rules.map { $0["count"] as? Int } == [flipped, flipped])
    }

    @Test("repricing one row changes the rate of exactly the applicants in it and no decision")
    func repricing() throws {
        let shipped = try PolicyFiles.shippedText("personal-loan-underwriting")
        let row = "750..799       | \"salaried\"      | < 40%   || 12.75%"
        #expect(shipped.contains(row))
        let repriced = shipped.replacingOccurrences(
            of: row, with: row.replacingOccurrences(of: "12.75%", with: "13.25%"))
        // Row 9: scores 750..799 with FOIR below 40%, exactly: (existing + proposed) × 100 < 40 × income.
        let expected = Self.applicants().filter {
            (750...799).contains($0.score) && ($0.existingEMI + $0.proposedEMI) * 100 < 40 * $0.income
        }.count
        #expect(expected > 20)

        let summary = try backtest(repriced)
        #expect(summary["changed"] as? Int == 0)
        #expect((summary["flips"] as? [Any])?.isEmpty == true)
        #expect(summary["outputs_changed"] as? [String: Int] == ["interest_rate": expected])
    }
}
