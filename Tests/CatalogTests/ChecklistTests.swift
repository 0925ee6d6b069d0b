import Catalog
import Rules
import Testing

/// A product's application checklist: `checklist: { required, optional }` of document items.
@Suite struct ChecklistTests {
    static func product(_ checklist: String) -> String {
        """
        product: doc-loan
        name: Doc Loan
        currency: INR
        category: retail
        secured: false
        rate_type: fixed
        \(checklist)
        limits:
          principal: { min: 10000, max: 5000000 }
          tenure: { min: 1, max: 60 }
          rate: { min: 1%, max: 30% }
        """
    }

    func load(_ checklist: String) -> Result<ProductDefinition, DiagnosticsError> {
        ProductLoader.load(ConfigSource(text: Self.product(checklist), displayPath: "doc-loan.yaml"), expectedID: nil)
    }

    @Test("required and optional items are read in order; a product without a checklist has none")
    func read() throws {
        let product = try load("checklist:\n  required: [identity-proof, income-proof]\n  optional: [photograph]").get()
        #expect(product.references.checklist
            == DocumentChecklist(required: ["identity-proof", "income-proof"], optional: ["photograph"]))
        #expect(try load("").get().references.checklist == nil)
    }

    @Test("an item named twice, an unknown key and a non-identifier are each reported at their place")
    func errors() {
        let text = "checklist:\n  required: [identity-proof, Income Proof]\n  optional: [identity-proof]\n  extra: [x]"
        guard case .failure(let error) = load(text) else {
            Issue.record("expected errors")
            return
        }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("doc-loan.yaml:9:14: error: the checklist names `identity-proof` twice") },
                "\(lines)")
        #expect(lines.contains { $0.hasPrefix("doc-loan.yaml:10:3: error: unknown key `extra`") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("doc-loan.yaml:8:30: error: expected an id of lower-case words") },
                "\(lines)")
        #expect(lines.count == 3, "\(lines)")
    }
}
