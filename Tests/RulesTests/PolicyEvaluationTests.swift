import LoanMath
import Testing
@testable import Rules

/// Policies end to end: derived values, tables, rules, outcome, reasons, outputs and traces.
@Suite struct PolicyEvaluationTests {
    func underwriting() throws -> CompiledPolicy {
        var f = PolicyFixture()
        f.input("age", "integer")
        f.input("monthly_income", "money")
        f.input("existing_emi", "money")
        f.input("proposed_emi", "money")
        f.input("bureau_score", "integer")
        f.input("unused", "string")
        f.derive("foir", "(existing_emi + proposed_emi) / monthly_income")
        f.derive("fee", "clamp(round(monthly_income * 10 * fee_rate, rupee, half_up), ₹999, ₹25_000)", output: true)
        f.table("pricing", .unique, inputs: ["bureau_score"], outputs: [("rate", "rate", "24%"), ("fee_rate", "rate", "3%")],
                rows: [["650..<750", "16%", "2%"], [">= 750", "12.5%", "1%"]])
        f.rule("R1", "age not between 21 and 60", .reject, "AGE")
        f.rule("R2", "foir > 55%", .reject, "FOIR")
        f.rule("R3", "foir > 45%", .refer, "FOIR_HIGH")
        f.rule("R4", "bureau_score >= 800", .approve, "FAST")
        return try f.policy()
    }

    func inputs(age: Int64 = 35, income: Int64 = 1_00_000, existing: Int64 = 20_000, proposed: Int64 = 15_000,
                score: Int64 = 760) -> [String: Value] {
        ["age": .integer(age), "monthly_income": .rupees(income), "existing_emi": .rupees(existing),
         "proposed_emi": .rupees(proposed), "bureau_score": .integer(score)]
    }

    @Test func approveWithOutputs() throws {
        let d = try underwriting().evaluate(inputs: inputs())
        #expect(d.outcome == .approve)
        #expect(d.reasons.isEmpty)
        #expect(d.outputs["rate"]?.rateValue == Rate(parsing: "12.5%"))
        #expect(d.outputs["fee"]?.moneyValue == Money(major: 10_000))  // 1% of ₹10,00,000
        #expect(d.outputs.names == ["fee", "rate", "fee_rate"])
    }

    @Test func mostSevereOutcomeWinsAndEveryFiredRuleIsAReason() throws {
        let d = try underwriting().evaluate(inputs: inputs(age: 19, existing: 40_000, proposed: 20_000, score: 820))
        #expect(d.outcome == .reject)
        #expect(d.reasons.map(\.ruleID) == ["R1", "R2", "R3", "R4"])
        #expect(d.reasons.map(\.code) == ["AGE", "FOIR", "FOIR_HIGH", "FAST"])
        let refer = try underwriting().evaluate(inputs: inputs(existing: 30_000, proposed: 20_000))
        #expect(refer.outcome == .refer)
        #expect(refer.reasons.map(\.code) == ["FOIR_HIGH"])
    }

    @Test func traceRecordsInputsDerivedTablesAndRules() throws {
        let d = try underwriting().evaluate(inputs: inputs(score: 700), trace: true)
        let trace = try #require(d.trace)
        #expect(trace.inputs.map(\.name) == ["age", "monthly_income", "existing_emi", "proposed_emi", "bureau_score"])
        #expect(trace.derived.map(\.name) == ["foir", "fee"])
        #expect(trace.tables == [Trace.TableResult(id: "pricing", rows: [1])])
        #expect(trace.rules.map(\.fired) == [false, false, false, false])
        #expect(trace.compactText == "in age=35 monthly_income=₹100000.00 existing_emi=₹20000.00 proposed_emi=₹15000.00 bureau_score=700; "
                + "let foir=0.35 fee=₹20000.00; table pricing=1; rule R1=0 R2=0 R3=0 R4=0")
        #expect(try underwriting().evaluate(inputs: inputs()).trace == nil)
    }

    @Test func inputsBySlotGiveTheSameDecision() throws {
        let policy = try underwriting()
        var values = policy.makeInputs()
        for (name, value) in inputs() { values[try #require(policy.inputSlot(named: name))] = value }
        #expect(try policy.evaluate(values) == policy.evaluate(inputs: inputs()))
    }

    @Test func runTimeFaultsCarryTheirLocation() throws {
        #expect(throws: EvaluationError(.divisionByZero, at: SourceLocation(file: testFile, line: 8, column: 9), "division by zero")) {
            try underwriting().evaluate(inputs: inputs(income: 0))
        }
    }

    @Test func defaultOutcomeWhenNoRuleFires() throws {
        var f = PolicyFixture()
        f.input("x", "integer")
        f.rule("R1", "x > 10", .reject, "BIG")
        f.defaultOutcome = .refer
        let policy = try f.policy()
        #expect(try policy.evaluate(inputs: ["x": .integer(1)]).outcome == .refer)
        #expect(try policy.evaluate(inputs: ["x": .integer(11)]).outcome == .reject)
    }

    @Test func derivedValuesMayDependOnTableOutputsInAnyDeclarationOrder() throws {
        var f = PolicyFixture()
        f.input("amount", "money")
        f.input("score", "integer")
        f.derive("fee", "round(amount * fee_rate, rupee, half_up)", output: true)
        f.derive("band", "if(score >= 750, \"prime\", \"near_prime\")")
        f.table("fees", .first, inputs: ["band"], outputs: [("fee_rate", "rate", "3%")], rows: [["\"prime\"", "1%"]])
        let d = try f.policy().evaluate(inputs: ["amount": .rupees(2_50_000), "score": .integer(700)])
        #expect(d.outputs["fee"] == .money(decimal("7500")))
    }

    @Test func benchmarkPolicyDecidesAKnownApplicant() throws {
        let policy = try PolicyCompiler.compile(BenchmarkPolicy.source().0).get()
        let d = try policy.evaluate(inputs: [
            "date_of_birth": .date(date("1990-04-12")), "application_date": .date(date("2026-03-15")),
            "monthly_income": .rupees(1_20_000), "existing_emi": .rupees(15_000), "requested_amount": .rupees(5_00_000),
            "tenure_months": .integer(36), "bureau_score": .integer(780), "max_dpd_12m": .integer(0),
            "enquiries_6m": .integer(2), "employment_type": .string("salaried"), "months_in_job": .integer(60),
        ], trace: true)
        // existing FOIR 0.125 → row "750..799, salaried, < 30%": 17%, 1.5%, ×18.
        // EMI ≈ 500000/36 + 500000 × 17% / 12 = 13888.89 + 7083.33 = 20972.22 → up to ₹20,973.
        #expect(d.outputs["interest_rate"]?.rateValue == Rate(parsing: "17%"))
        #expect(d.outputs["proposed_emi"] == .money(decimal("20973")))
        #expect(d.outputs["max_amount"] == .money(decimal("2160000")))
        #expect(d.outputs["processing_fee"] == .money(decimal("7500")))
        #expect(d.outcome == .approve)
        #expect(d.trace?.tables.first?.rows == [9])
    }
}
