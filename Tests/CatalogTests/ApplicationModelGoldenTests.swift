import Catalog
import Rules
import Testing

/// Each folder of `Fixtures/application-model/` holds, as it needs, `model.yaml` (compiled as
/// `policies/application-model.yaml`), `policy.yaml` (as `policies/p.yaml`) and `product.yaml` (as
/// `products/p.yaml`, naming policy `p`), and `expected.txt`: the rendered diagnostics of
/// compiling them together. Regenerate with `LENDLINE_UPDATE_GOLDEN=1 swift test --filter CatalogTests`.
@Suite struct ApplicationModelGoldenTests {
    static let paths = [
        "model.yaml": ApplicationModel.path, "policy.yaml": "policies/p.yaml", "product.yaml": "products/p.yaml",
    ]

    @Test(arguments: Golden.cases("application-model"))
    func modelCase(_ name: String) throws {
        let files = Self.paths.compactMap { file, path in
            Golden.text("application-model", name, file).map { ConfigSource(text: $0, displayPath: path) }
        }
        let tree = ConfigTree(files: files)
        guard case .failure(let error) = CatalogCompiler.compile(tree) else {
            Issue.record("\(name): the catalog compiled without errors")
            return
        }
        try Golden.check(
            DiagnosticsReport.render(error, sources: tree.texts), group: "application-model", name: name)
    }
}
