import Catalog
import Foundation
import Testing

@Suite("lendline diff: asset classification and accounting")
struct ServicingSettingsDiffTests {
    func shippedText(_ path: String) throws -> String {
        try String(contentsOfFile: Golden.repositoryRoot().path + "/" + path, encoding: .utf8)
    }

    func catalog(_ files: [String: String]) throws -> Catalog {
        try CatalogCompiler.compile(ConfigTree(files: files.map { ConfigSource(text: $0.value, displayPath: $0.key) }))
            .get()
    }

    @Test("a changed rate, bound and category rate read as a credit-risk team would")
    func classificationChanges() throws {
        let text = try shippedText(AssetClassificationPolicy.path)
        let changed = text.replacingOccurrences(of: "substandard: { secured: 10%,   unsecured: 10% }",
                                                with: "substandard: { secured: 10%,   unsecured: 15% }")
            .replacingOccurrences(of: "sma-2: 90 ", with: "sma-2: 120")
            .replacingOccurrences(of: "# standard_by_category:\n#   housing: 0.25%",
                                  with: "standard_by_category:\n  housing: 0.25%")
        #expect(changed != text)
        let old = try catalog([AssetClassificationPolicy.path: text])
        let new = try catalog([AssetClassificationPolicy.path: changed])
        #expect(CatalogDiff.compare(old, new) == [
            "asset classification: SMA-2 up to 90 DPD → 120 DPD",
            "asset classification: sub-standard unsecured 10% → 15%",
            "asset classification: new standard rate for housing 0.25%",
        ])
        #expect(CatalogDiff.compare(try catalog([:]), old) == [
            "new asset classification (policies/asset-classification.yaml)",
        ])
    }

    @Test("a role moved to a new account reads as a finance team would")
    func accountingChanges() throws {
        let text = try shippedText(ChartOfAccounts.path)
        let newAccount = "  - { code: 4010, name: Interest income — retail, type: income }\n"
        let changed = text.replacingOccurrences(of: "  interest_income: 4000", with: "  interest_income: 4010")
            .replacingOccurrences(of: "  - { code: 4100,", with: newAccount + "  - { code: 4100,")
        let old = try catalog([ChartOfAccounts.path: text])
        let new = try catalog([ChartOfAccounts.path: changed])
        #expect(CatalogDiff.compare(old, new) == [
            "accounting: interest_income 4000 → 4010",
            "accounting: new account 4010 Interest income — retail (income)",
        ])
        #expect(CatalogDiff.compare(new, try catalog([:])) == ["removed accounting (policies/accounting.yaml)"])
    }
}
