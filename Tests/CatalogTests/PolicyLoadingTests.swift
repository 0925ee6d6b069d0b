import Catalog
import LoanMath
import Rules
import Testing

@Suite("Policies: YAML to compiled policy")
struct PolicyLoadingTests {
    static let pricing = """
        policy: pricing
        inputs:
          bureau_score: integer
          employment: enum(salaried, self_employed)
          monthly_income: money
          existing_emi: money
        derived:
          foir: (existing_emi) / monthly_income
        outputs:
          fee: round(monthly_income * fee_rate, rupee, half_up)
        tables:
          - id: pricing
            hit: unique
            inputs: [bureau_score, employment]
            outputs:
              rate: { type: rate, default: 24% }
              fee_rate: { type: rate, default: 3% }
            rows: |
              # bureau_score | employment      || rate   | fee_rate
              750..900       | "salaried"      || 12.5%  | 1%
              750..900       | "self_employed" || 14%    | 1.5%
        rules:
          - id: R1
            when: foir > 50%
            outcome: refer
            reason: FOIR_HIGH
            message: EMIs above half of income
          - id: R2
            when: bureau_score < 650
            outcome: reject
            reason: SCORE_LOW
            message: Score below 650
        """

    func load(_ text: String, path: String = "policies/pricing.yaml") -> Result<CompiledPolicy, DiagnosticsError> {
        PolicyLoader.load(ConfigSource(text: text, displayPath: path), expectedID: nil)
    }

    @Test("a policy read from YAML decides: rows from the rows block, rules in order, outputs")
    func decides() throws {
        let policy = try load(Self.pricing).get()
        let inputs: [String: Value] = [
            "bureau_score": .integer(780), "employment": .string("self_employed"),
            "monthly_income": .rupees(60_000), "existing_emi": .rupees(33_000),
        ]
        let decision = try policy.evaluate(inputs: inputs)
        #expect(decision.outcome == .refer)  // FOIR = 33,000 / 60,000 = 55%
        #expect(decision.reasons.map(\.code) == ["FOIR_HIGH"])
        #expect(decision.reasons.first?.message == "EMIs above half of income")
        #expect(decision.outputs["rate"] == Value.percent("14"))
        #expect(decision.outputs["fee"] == .rupees(900))  // 60,000 × 1.5%
        #expect(decision.outputs.names == ["fee", "rate", "fee_rate"])
        let unpriced = try policy.evaluate(inputs: inputs.merging(["bureau_score": .integer(600)]) { $1 })
        #expect(unpriced.outcome == .reject)
        #expect(unpriced.outputs["rate"] == Value.percent("24"))
    }

    @Test("the policy name must match the file name")
    func nameMatchesFile() {
        guard
            case .failure(let error) = PolicyLoader.load(
                ConfigSource(text: Self.pricing, displayPath: "policies/other.yaml"),
                expectedID: "other")
        else {
            Issue.record("expected an error")
            return
        }
        #expect(
            error.description
                == "policies/other.yaml:1:9: error: the policy name `pricing` must match the file name `other.yaml`")
    }

    @Test("a cell is located at its own column inside the rows block")
    func cellLocation() {
        let broken = Self.pricing.replacingOccurrences(
            of: "\"self_employed\" || 14%", with: "\"self_employed\" || fourteen")
        guard case .failure(let error) = load(broken) else {
            Issue.record("expected an error")
            return
        }
        // Line 21 is the block's third line: 6 spaces of indentation, then `750..900       | "self_employed" || `.
        #expect(
            error.diagnostics.map(\.description) == [
                "policies/pricing.yaml:21:43: error: unknown name 'fourteen'"
            ])
    }

    @Test("every shipped policy compiles into the catalog, and products name theirs")
    func shippedPolicies() throws {
        let catalog = try CatalogCompiler.load(directory: Golden.repositoryRoot().path).get()
        #expect(
            catalog.policies.keys.sorted() == [
                "fee-schedule", "mfi-jlg-eligibility", "penal-charges",
                "personal-loan-underwriting",
            ])
        #expect(catalog.product("personal-loan")?.references.policy?.value == "personal-loan-underwriting")
        #expect(catalog.product("mfi-weekly-jlg")?.references.policy?.value == "mfi-jlg-eligibility")
        #expect(catalog.counts.policies == 4)
        let underwriting = try #require(catalog.policy("personal-loan-underwriting"))
        #expect(underwriting.declarations.count == 13)
        #expect(underwriting.outputTypes["interest_rate"] == .rate)
    }

    @Test("every shipped policy test passes")
    func shippedTests() throws {
        let tree = try ConfigTree.read(directory: Golden.repositoryRoot().path)
        let (set, diagnostics) = PolicySet.compile(tree)
        #expect(diagnostics.isEmpty)
        #expect(set.suites.map(\.policy).sorted() == set.policies.keys.sorted())
        var cases = 0
        for suite in set.suites {
            for result in PolicyTestRunner.run(suite, policy: try #require(set.policies[suite.policy])) {
                cases += 1
                #expect(result.passed, "\(result.testCase.location) \(result.testCase.name): \(result.failures)")
            }
        }
        #expect(cases >= 60)
    }
}
