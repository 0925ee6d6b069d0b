import LoanMath
import Testing
@testable import Rules

/// Every hit policy on small tables whose answers can be read off the rows.
@Suite struct HitPolicyTests {
    func bandTable(_ hit: HitPolicy, rows: [[String]], outputType: String = "rate", fallback: String? = "24%") throws -> CompiledPolicy {
        var f = PolicyFixture()
        f.input("score", "integer")
        f.input("employment", "enum(salaried, self_employed)")
        f.table("pricing", hit, inputs: ["score", "employment"], outputs: [("rate", outputType, fallback)], rows: rows)
        return try f.policy()
    }

    func rate(_ policy: CompiledPolicy, _ score: Int64, _ employment: String = "salaried") throws -> Value? {
        try policy.evaluate(inputs: ["score": .integer(score), "employment": .string(employment)]).outputs["rate"]
    }

    @Test func uniquePicksTheOneMatchingRowOrTheDefault() throws {
        let policy = try bandTable(.unique, rows: [
            ["< 700", "-", "18%"], ["700..749", "-", "14%"], [">= 750", "\"salaried\"", "11%"], [">= 750", "\"self_employed\"", "12%"],
        ])
        #expect(try rate(policy, 650) == Value.percent("18"))
        #expect(try rate(policy, 700) == Value.percent("14"))
        #expect(try rate(policy, 749) == Value.percent("14"))
        #expect(try rate(policy, 800) == Value.percent("11"))
        #expect(try rate(policy, 800, "self_employed") == Value.percent("12"))
    }

    @Test func uniqueOverlapAtRunTimeNamesBothRows() throws {
        // Bounds read an input, so the overlap cannot be seen at compile time.
        var f = PolicyFixture()
        f.input("score", "integer")
        f.input("cutoff", "integer")
        f.table("pricing", .unique, inputs: ["score"], outputs: [("rate", "rate", "24%")],
                rows: [["< cutoff", "18%"], [">= 700", "14%"]], rowIDs: ["low", "high"])
        let policy = try f.policy()
        #expect(try policy.evaluate(inputs: ["score": .integer(720), "cutoff": .integer(700)]).outputs["rate"] == Value.percent("14"))
        #expect(throws: EvaluationError(.overlappingRows(table: "pricing", first: "low", second: "high"),
                                        at: SourceLocation(file: testFile, line: 4, column: 5),
                                        "table 'pricing': low and high both match; a unique table allows one")) {
            try policy.evaluate(inputs: ["score": .integer(720), "cutoff": .integer(750)])
        }
    }

    @Test func firstTakesTheEarliestMatch() throws {
        let policy = try bandTable(.first, rows: [
            [">= 800", "\"salaried\"", "10.5%"], [">= 750", "-", "12%"], [">= 700", "-", "14%"],
        ])
        #expect(try rate(policy, 820) == Value.percent("10.5"))
        #expect(try rate(policy, 820, "self_employed") == Value.percent("12"))
        #expect(try rate(policy, 760) == Value.percent("12"))
        #expect(try rate(policy, 710) == Value.percent("14"))
        #expect(try rate(policy, 600) == Value.percent("24"))
    }

    @Test func priorityRanksByTheOutputEnum() throws {
        var f = PolicyFixture()
        f.input("score", "integer")
        f.input("dpd", "integer")
        f.table("risk", .priority, inputs: ["score", "dpd"], outputs: [("grade", "enum(decline, review, accept)", nil), ("note", "string", "\"none\"")],
                rows: [["-", "-", "\"accept\"", "\"base\""], ["< 650", "-", "\"decline\"", "\"score\""],
                       ["-", "> 30", "\"review\"", "\"dpd\""], ["-", "> 90", "\"decline\"", "\"dpd90\""]])
        let policy = try f.policy()
        func grade(_ score: Int64, _ dpd: Int64) throws -> [Value?] {
            let d = try policy.evaluate(inputs: ["score": .integer(score), "dpd": .integer(dpd)])
            return [d.outputs["grade"], d.outputs["note"]]
        }
        #expect(try grade(700, 0) == [.string("accept"), .string("base")])
        #expect(try grade(700, 45) == [.string("review"), .string("dpd")])
        #expect(try grade(600, 45) == [.string("decline"), .string("score")])
        #expect(try grade(700, 120) == [.string("decline"), .string("dpd90")])
    }

    @Test func collectAggregations() throws {
        func run(_ aggregation: CollectAggregation, _ score: Int64, fallback: String? = nil) throws -> Value? {
            var f = PolicyFixture()
            f.input("score", "integer")
            f.input("salaried", "bool")
            f.table("loading", .collect(aggregation), inputs: ["score", "salaried"], outputs: [("loading", "rate", fallback)],
                    rows: [["< 750", "-", "1%"], ["< 700", "-", "1.5%"], ["-", "false", "0.5%"]])
            return try f.policy().evaluate(inputs: ["score": .integer(score), "salaried": .bool(false)]).outputs["loading"]
        }
        #expect(try run(.list, 680) == .list([Value.percent("1")!, Value.percent("1.5")!, Value.percent("0.5")!]))
        #expect(try run(.sum, 680) == Value.percent("3"))
        #expect(try run(.min, 680, fallback: "0%") == Value.percent("0.5"))
        #expect(try run(.max, 720, fallback: "0%") == Value.percent("1"))
        #expect(try run(.max, 800, fallback: "0%") == Value.percent("0.5"))
        #expect(try run(.sum, 800) == Value.percent("0.5"))
    }

    @Test func collectWithNoMatchGivesEmptyListZeroSumOrDefault() throws {
        var f = PolicyFixture()
        f.input("score", "integer")
        f.table("a", .collect(.list), inputs: ["score"], outputs: [("codes", "string", nil)], rows: [["< 600", "\"LOW\""]])
        f.table("b", .collect(.sum), inputs: ["score"], outputs: [("fees", "money", nil)], rows: [["< 600", "₹500"]])
        f.table("c", .collect(.max), inputs: ["score"], outputs: [("cap", "money", "₹0")], rows: [["< 600", "₹500"]])
        let d = try f.policy().evaluate(inputs: ["score": .integer(700)])
        #expect(d.outputs["codes"] == .list([]))
        #expect(d.outputs["fees"] == .money(decimal("0")))
        #expect(d.outputs["cap"] == .money(decimal("0")))
    }

    @Test func decimalAndRangeCells() throws {
        var f = PolicyFixture()
        f.input("foir", "decimal")
        f.table("band", .unique, inputs: ["foir"], outputs: [("band", "string", nil)],
                rows: [["< 40%", "\"A\""], ["40%..<50%", "\"B\""], ["between 50% and 55%", "\"C\""], ["> 55%", "\"D\""]])
        let policy = try f.policy()
        for (foir, band) in [("0.3999", "A"), ("0.40", "B"), ("0.4999", "B"), ("0.5", "C"), ("0.55", "C"), ("0.5501", "D")] {
            #expect(try policy.evaluate(inputs: ["foir": .decimal(decimal(foir))]).outputs["band"] == .string(band), "\(foir)")
        }
    }
}
