import Catalog
import Rules
import Testing

/// Each folder of `Fixtures/asset-classification/` holds `classification.yaml` (compiled as
/// `policies/asset-classification.yaml`), each of `Fixtures/accounting/` an `accounting.yaml` (as
/// `policies/accounting.yaml`), with `expected.txt`: the rendered diagnostics of compiling the tree.
/// Regenerate with `LENDLINE_UPDATE_GOLDEN=1 swift test --filter CatalogTests`.
@Suite struct ServicingSettingsGoldenTests {
    @Test(arguments: Golden.cases("asset-classification"))
    func classificationCase(_ name: String) throws {
        try check("asset-classification", name, file: "classification.yaml", path: AssetClassificationPolicy.path)
    }

    @Test(arguments: Golden.cases("accounting"))
    func accountingCase(_ name: String) throws {
        try check("accounting", name, file: "accounting.yaml", path: ChartOfAccounts.path)
    }

    func check(_ group: String, _ name: String, file: String, path: String) throws {
        let text = try #require(Golden.text(group, name, file))
        let tree = ConfigTree(files: [ConfigSource(text: text, displayPath: path)])
        guard case .failure(let error) = CatalogCompiler.compile(tree) else {
            Issue.record("\(group)/\(name): the catalog compiled without errors")
            return
        }
        try Golden.check(DiagnosticsReport.render(error, sources: tree.texts), group: group, name: name)
    }
}
