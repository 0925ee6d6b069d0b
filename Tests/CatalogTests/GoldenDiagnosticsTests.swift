import Catalog
import LoanMath
import Rules
import Testing

/// Each folder of `Fixtures/products/` holds a `product.yaml`, optionally a `terms.json` or
/// `terms.yaml` and an `overrides.txt` (`key=text` lines), and `expected.txt`: the full rendered
/// diagnostics. Regenerate with `LENDLINE_UPDATE_GOLDEN=1 swift test --filter CatalogTests`.
@Suite struct GoldenDiagnosticsTests {
    @Test(arguments: Golden.cases("products"))
    func productCase(_ name: String) throws {
        let rendered = try diagnostics(for: name)
        try Golden.check(rendered, group: "products", name: name)
    }

    @Test(arguments: Golden.cases("calendars"))
    func calendarCase(_ name: String) throws {
        let path = "\(name)/calendar.yaml"
        let text = try #require(Golden.text("calendars", name, "calendar.yaml"))
        guard case .failure(let error) = CalendarLoader.load(ConfigSource(text: text, displayPath: path),
                                                             expectedName: nil) else {
            Issue.record("\(name): the calendar loaded without errors")
            return
        }
        try Golden.check(DiagnosticsReport.render(error, sources: [path: text]), group: "calendars", name: name)
    }

    /// The rendered diagnostics of loading the case's product and, when it has terms or overrides,
    /// resolving them.
    func diagnostics(for name: String) throws -> String {
        let productPath = "\(name)/product.yaml"
        let productText = try #require(Golden.text("products", name, "product.yaml"))
        var sources = [productPath: productText]
        let product: ProductDefinition
        switch ProductLoader.load(ConfigSource(text: productText, displayPath: productPath), expectedID: nil) {
        case .failure(let error): return DiagnosticsReport.render(error, sources: sources)
        case .success(let loaded): product = loaded
        }
        var terms: ConfigSource?
        for file in ["terms.json", "terms.yaml"] {
            if let text = Golden.text("products", name, file) {
                terms = ConfigSource(text: text, displayPath: "\(name)/\(file)")
                sources["\(name)/\(file)"] = text
            }
        }
        let overrides = Golden.text("products", name, "overrides.txt").map(Self.overrides) ?? []
        do {
            _ = try TermsResolver.resolve(product: product, terms: terms, overrides: overrides)
            Issue.record("\(name): the case produced no diagnostics")
            return ""
        } catch {
            return DiagnosticsReport.render(error, sources: sources)
        }
    }

    /// `key=text` lines (blank lines and `#` comments skipped).
    static func overrides(_ text: String) -> [TermsOverride] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { return nil }
            return TermsOverride(key: String(line[..<eq]), text: String(line[line.index(after: eq)...]))
        }
    }
}
