import Catalog
import Rules
import Testing

@Suite("Policies in the catalog: products and tests name compiled policies")
struct PolicyReferenceTests {
    static let policy = """
        policy: underwriting
        inputs:
          bureau_score: integer
        rules:
          - id: R1
            when: bureau_score < 650
            outcome: reject
            reason: SCORE_LOW
            message: Score below 650
        """

    func compile(_ files: [String: String]) -> Result<Catalog, DiagnosticsError> {
        CatalogCompiler.compile(ConfigTree(files: files.map { ConfigSource(text: $0.value, displayPath: $0.key) }))
    }

    @Test("a product naming a compiled policy compiles; the catalog holds the policy")
    func resolved() throws {
        let catalog = try compile([
            "products/p.yaml": CatalogCompilerTests.product + "\npolicy: underwriting\n",
            "policies/underwriting.yaml": Self.policy,
            "policies/application-model.yaml": ApplicationModelTests.model,
        ]).get()
        #expect(catalog.policy("underwriting")?.name == "underwriting")
    }

    @Test("a product naming a policy whose file does not compile is reported once, by the policy")
    func failedPolicyNotReportedTwice() throws {
        let broken = Self.policy.replacingOccurrences(of: "bureau_score < 650", with: "bureau_scor < 650")
        let error = try #require(throws: DiagnosticsError.self) {
            try compile([
                "products/p.yaml": CatalogCompilerTests.product + "\npolicy: underwriting\n",
                "policies/underwriting.yaml": broken,
            ]).get()
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "policies/underwriting.yaml:6:11: error: unknown name 'bureau_scor'; did you mean 'bureau_score'?"
            ])
    }

    @Test("a product naming no compiled policy is a cross-reference error with a suggestion")
    func unknownPolicy() throws {
        let error = try #require(throws: DiagnosticsError.self) {
            try compile([
                "products/p.yaml": CatalogCompilerTests.product + "\npolicy: underwritng\n",
                "policies/underwriting.yaml": Self.policy,
            ]).get()
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "products/p.yaml:11:9: error: unknown policy `underwritng`; did you mean `underwriting`? "
                    + "(known: underwriting)"
            ])
    }

    @Test("policy tests are checked when the catalog compiles, calendars are not policies")
    func testsChecked() throws {
        let tests = """
            policy: underwriting
            cases:
              - name: low score
                inputs: { bureau_score: 600, income: 5 }
                expect: { outcome: reject, reasons: [SCORE_LOW] }
            """
        let calendar = "calendar: c\nweekly_off: [sunday]\n"
        let error = try #require(throws: DiagnosticsError.self) {
            try compile([
                "policies/underwriting.yaml": Self.policy, "policies/tests/underwriting.yaml": tests,
                "policies/calendars/c.yaml": calendar,
            ]).get()
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "policies/tests/underwriting.yaml:4:34: error: `income` is not an input of the policy"
            ])
        let fixed = tests.replacingOccurrences(of: ", income: 5", with: "")
        let catalog = try compile([
            "policies/underwriting.yaml": Self.policy, "policies/tests/underwriting.yaml": fixed,
            "policies/calendars/c.yaml": calendar,
        ]).get()
        #expect(catalog.policies.keys.sorted() == ["underwriting"])
        #expect(catalog.calendars["c"] != nil)
    }

    @Test("a failing case lists each difference, in the risk team's words")
    func failingCase() throws {
        let tests = """
            policy: underwriting
            cases:
              - name: low score
                inputs: { bureau_score: 600 }
                expect: { outcome: refer, reasons: [] }
              - name: good score
                inputs: { bureau_score: 700 }
                expect: { outcome: approve, reasons: [] }
            """
        let tree = ConfigTree(files: [
            ConfigSource(text: Self.policy, displayPath: "policies/underwriting.yaml"),
            ConfigSource(text: tests, displayPath: "policies/tests/underwriting.yaml"),
        ])
        let (set, diagnostics) = PolicySet.compile(tree)
        #expect(diagnostics.isEmpty)
        let suite = try #require(set.suites.first)
        let results = PolicyTestRunner.run(suite, policy: try #require(set.policies["underwriting"]))
        #expect(results.map(\.passed) == [false, true])
        #expect(
            results[0].failures == ["outcome: expected refer, got reject", "reasons: expected [], got [SCORE_LOW]"])
        #expect(
            results[0].testCase.location == SourceLocation(file: "policies/tests/underwriting.yaml", line: 3, column: 5)
        )
        #expect(results[0].decision?.trace?.compactText == "in bureau_score=600; rule R1=1")
    }
}
