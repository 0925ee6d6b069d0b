import Catalog
import Foundation
import Testing

@Suite("lendline diff: changes in domain terms")
struct CatalogDiffTests {
    func catalog(_ files: [String: String]) throws -> Catalog {
        try CatalogCompiler.compile(ConfigTree(files: files.map { ConfigSource(text: $0.value, displayPath: $0.key) })).get()
    }

    static let product = CatalogCompilerTests.product + """

        defaults:
          rate: 14%
          fees:
            - { name: processing, rate: 2%, min: 1000, gst: 18% }
        """

    @Test("fee, limit and default changes; added and removed products; other files")
    func changes() throws {
        let old = try catalog(["products/p.yaml": Self.product, "products/gone.yaml": Self.product.replacingOccurrences(of: "product: p", with: "product: gone"),
                               "policies/x.yaml": "policy: x\ninputs: { a: integer }\n"])
        let newText = Self.product.replacingOccurrences(of: "rate: 2%", with: "rate: 2.5%")
            .replacingOccurrences(of: "max: 100000 }", with: "max: 150000 }")
            .replacingOccurrences(of: "rate: 14%", with: "rate: 13.5%")
        let new = try catalog(["products/p.yaml": newText, "products/n.yaml": Self.product.replacingOccurrences(of: "product: p", with: "product: n"),
                               "policies/x.yaml": "policy: x\ninputs: { a: decimal }\n"])
        #expect(CatalogDiff.compare(old, new) == [
            "removed product: gone (P)",
            "new product: n (P)",
            "p: maximum principal ₹1,00,000.00 → ₹1,50,000.00",
            "p: default rate 14% → 13.5%",
            "p: processing fee 2% (min ₹1,000.00) + GST 18% → 2.5% (min ₹1,000.00) + GST 18%",
            "x: input a integer → decimal",
        ])
        #expect(CatalogDiff.compare(old, old).isEmpty)
    }

    @Test("application model: fields added, removed, retyped")
    func applicationModel() throws {
        let model = """
            model: application
            fields:
              bureau_score: { type: integer, source: bureau, description: Credit score }
              employment_type: { type: "enum(salaried, self_employed)", source: employment, description: Work }
            """
        let changed = model.replacingOccurrences(of: "self_employed)", with: "self_employed, retired)")
            .replacingOccurrences(of: "bureau_score", with: "cibil_score")
        let old = try catalog([ApplicationModel.path: model])
        let new = try catalog([ApplicationModel.path: changed])
        #expect(
            CatalogDiff.compare(old, new) == [
                "application model: no more field bureau_score (was integer from bureau)",
                "application model: field employment_type enum(salaried, self_employed) from employment → "
                    + "enum(salaried, self_employed, retired) from employment",
                "application model: new field cibil_score integer from bureau",
            ])
    }
}

@Suite("lendline diff: workflows")
struct WorkflowDiffTests {
    @Test("a new maker-checker, a changed target and a new state read in ops terms")
    func workflowChanges() throws {
        let before = """
            workflow: flow
            events: [submit, approve]
            initial: open
            states:
              open:
                on:
                  submit: { to: review, roles: [loan-officer] }
              review:
                on:
                  approve: { to: done, roles: [credit-manager] }
              done: { final: true }
            """
        let after = before
            .replacingOccurrences(of: "approve: { to: done, roles: [credit-manager] }",
                                  with: "approve: { to: done, roles: [credit-manager], maker_checker: { checkers: 2, roles: [credit-manager, admin] } }")
        let old = try CatalogCompiler.compile(ConfigTree(files: [ConfigSource(text: before, displayPath: "workflows/flow.yaml")])).get()
        let new = try CatalogCompiler.compile(ConfigTree(files: [ConfigSource(text: after, displayPath: "workflows/flow.yaml")])).get()
        #expect(CatalogDiff.compare(old, new) == [
            "flow: on approve in review to done; roles credit-manager → to done; roles credit-manager; 2 checkers (credit-manager, admin)",
        ])
    }
}

@Suite("lendline diff: policies")
struct PolicyDiffTests {
    @Test("a changed rate in a table row and a changed grace period read as a risk team would")
    func policyChanges() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let text = try String(contentsOfFile: root + "/policies/penal-charges.yaml", encoding: .utf8)
        let changed = text.replacingOccurrences(of: "\"microfinance\"             | -                || 12%        | 7 ",
                                                with: "\"microfinance\"             | -                || 10%        | 7 ")
        #expect(changed != text)
        let old = try CatalogCompiler.compile(ConfigTree(files: [ConfigSource(text: text, displayPath: "policies/penal-charges.yaml")])).get()
        let new = try CatalogCompiler.compile(ConfigTree(files: [ConfigSource(text: changed, displayPath: "policies/penal-charges.yaml")])).get()
        let lines = CatalogDiff.compare(old, new)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("penal-charges: penal-terms row 1 \"microfinance\", - → 12%, 7, 2% → ") == true)
        #expect(lines.first?.hasSuffix("→ 10%, 7, 2%") == true)
    }
}
