import Catalog
import Documents
import Rules
import Testing

/// Each folder of `Fixtures/diagnostics/` holds a `template.xhtml` and `expected.txt`: every
/// diagnostic of compiling it, rendered with the quoted line and caret. Regenerate with
/// `LENDLINE_UPDATE_GOLDEN=1 swift test --filter DocumentsTests` (read the diff before committing).
@Suite struct TemplateDiagnosticsTests {
    @Test(arguments: Golden.cases("diagnostics"))
    func diagnosticsCase(_ name: String) throws {
        let path = "\(name)/template.xhtml"
        let text = try #require(Golden.text("diagnostics", name, "template.xhtml"))
        let (set, diagnostics, failed) = TemplateSet.compile([TemplateSource(name: "template", path: path, text: text)])
        #expect(set.count == 0 && failed == ["template"], "\(name): the template compiled")
        let rendered = DiagnosticsReport.render(DiagnosticsError(diagnostics), sources: [path: text])
        try Golden.check(rendered, group: "diagnostics", name: name)
    }

    @Test("errors in every file are reported at once, and a clean file still compiles")
    func allFiles() {
        let broken = TemplateSource(name: "a", path: "templates/a.xhtml", text: "<html><body></html>")
        let unknown = TemplateSource(
            name: "b", path: "templates/b.xhtml", text: Samples.page("<p l:text=\"nme\">x</p>"))
        let good = TemplateSource(
            name: "c", path: "templates/c.xhtml", text: Samples.page("<p l:text=\"borrower.name\">x</p>"))
        let (set, diagnostics, failed) = TemplateSet.compile([broken, unknown, good])
        #expect(set.names == ["c"])
        #expect(failed == ["a", "b"])
        #expect(Set(diagnostics.map(\.location.file)) == ["templates/a.xhtml", "templates/b.xhtml"])
    }

    @Test("two templates with one name are an error")
    func duplicateNames() {
        let text = Samples.page("<p>x</p>")
        let (_, diagnostics, _) = TemplateSet.compile([
            TemplateSource(name: "kfs", path: "templates/kfs.xhtml", text: text),
            TemplateSource(name: "kfs", path: "templates/old/kfs.xhtml", text: text),
        ])
        #expect(
            diagnostics.map(\.description) == [
                "templates/old/kfs.xhtml:1:1: error: another template is also named `kfs` (templates/kfs.xhtml)"
            ])
    }
}
