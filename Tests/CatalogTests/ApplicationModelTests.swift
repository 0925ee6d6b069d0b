import Catalog
import Foundation
import Rules
import Testing

@Suite("The application model feeds every policy a product names")
struct ApplicationModelTests {
    static let model = """
        model: application
        types:
          exposure: { outstanding: money, overdue_amount: money, lender_type: "enum(bank, nbfc, mfi)" }
        fields:
          bureau_score: { type: integer, source: bureau, description: Credit score }
          employment_type: { type: enum(salaried), source: employment, description: Kind of work }
          other_lenders: { type: list<exposure>, source: bureau, description: Loans with other lenders }
          written_off: { type: boolean, source: bureau, description: Any write-off }
        """

    static let policy = """
        policy: underwriting
        types:
          exposure: { overdue_amount: money }
        inputs:
          bureau_score: integer
          employment_type: enum(salaried, self_employed)
          other_lenders: list<exposure>
          written_off: bool
        rules:
          - id: R1
            when: bureau_score < 650 or written_off or employment_type == "self_employed" or count(other_lenders) > 3
            outcome: reject
            reason: SCORE_LOW
            message: Score below 650
        """

    func compile(_ files: [String: String]) -> Result<Catalog, DiagnosticsError> {
        CatalogCompiler.compile(ConfigTree(files: files.map { ConfigSource(text: $0.value, displayPath: $0.key) }))
    }

    @Test("a policy enum with more values and a record with fewer fields fit; type spellings are one type")
    func fits() throws {
        let catalog = try compile([
            "products/p.yaml": CatalogCompilerTests.product + "\npolicy: underwriting\n",
            "policies/underwriting.yaml": Self.policy, ApplicationModel.path: Self.model,
        ]).get()
        let model = try #require(catalog.applicationModel)
        #expect(model.fields.map(\.name) == ["bureau_score", "employment_type", "other_lenders", "written_off"])
        #expect(model.field(named: "other_lenders")?.source == .bureau)
        #expect(model.field(named: "written_off")?.type == .bool)
        #expect(catalog.policies.count == 1, "the model is not a policy")
    }

    @Test("a policy no product names is fed by servicing and is not checked against the model")
    func unnamedPolicyNotChecked() throws {
        let fee = "policy: fees\ninputs: { sanctioned_amount: money }\noutputs: { fee: sanctioned_amount }\n"
        let catalog = try compile(["policies/fees.yaml": fee, ApplicationModel.path: Self.model]).get()
        #expect(catalog.policy("fees") != nil)
    }

    @Test("an error names every product that uses the policy")
    func severalProducts() throws {
        let error = try #require(throws: DiagnosticsError.self) {
            try compile([
                "products/p.yaml": CatalogCompilerTests.product + "\npolicy: underwriting\n",
                "products/q.yaml": CatalogCompilerTests.product.replacingOccurrences(
                    of: "product: p", with: "product: q")
                    + "\npolicy: underwriting\n",
                "policies/underwriting.yaml": Self.policy.replacingOccurrences(
                    of: "written_off: bool", with: "written_of: bool"
                )
                .replacingOccurrences(of: "or written_off or", with: "or written_of or"),
                ApplicationModel.path: Self.model,
            ]).get()
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "policies/underwriting.yaml:8:3: error: policy `underwriting` reads `written_of`, which the "
                    + "application model does not hold; did you mean `written_off`? (products `p`, `q` feed this "
                    + "policy from the application; fields are declared in policies/application-model.yaml)"
            ])
    }

    @Test("the shipped model feeds the personal loan and MFI JLG policies")
    func shipped() throws {
        let catalog = try CatalogCompiler.load(directory: Golden.repositoryRoot().path).get()
        let model = try #require(catalog.applicationModel)
        for product in ["personal-loan", "mfi-weekly-jlg"] {
            let name = try #require(catalog.product(product)?.references.policy?.value)
            let policy = try #require(catalog.policy(name))
            for input in policy.declarations.names {
                #expect(model.field(named: input) != nil, "\(name) reads \(input)")
            }
        }
        #expect(model.field(named: "group_size")?.source == .group)
        #expect(model.field(named: "date_of_birth")?.source == .applicant)
    }
}
