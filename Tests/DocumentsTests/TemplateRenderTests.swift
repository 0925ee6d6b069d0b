import Documents
import LoanMath
import Rules
import Testing

/// Rendering against hand-written HTML: escaping, money and date formats, repeat, if, reuse.
@Suite struct TemplateRenderTests {
    static let head = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
    static let tail = "</body></html>\n"

    /// The `noc` page around `body`, rendered with `data`.
    func render(_ body: String, _ data: [String: Value] = Samples.noc) throws -> String {
        let (set, diagnostics, _) = TemplateSet.compile([
            TemplateSource(name: "t", path: "t.xhtml", text: Samples.page(body))
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try set.render("t", data)
    }

    @Test("data is always escaped: < & \" ' in a name")
    func escaping() throws {
        var data = Samples.noc
        data["borrower"] = Samples.borrower("<b>A & \"B\" O'Neil</b>")
        #expect(
            try render("<p l:text=\"borrower.name\">x</p>", data)
                == Self.head + "<p>&lt;b&gt;A &amp; &quot;B&quot; O&#39;Neil&lt;/b&gt;</p>" + Self.tail)
        #expect(
            try render("<a l:attr-title=\"borrower.name\" title=\"old\">x</a>", data)
                == Self.head + "<a title=\"&lt;b&gt;A &amp; &quot;B&quot; O&#39;Neil&lt;/b&gt;\">x</a>" + Self.tail)
    }

    @Test("static text and attributes stay escaped; the template namespace is dropped")
    func staticMarkup() throws {
        let html = try render("<p class=\"a&amp;b\">Terms &amp; conditions &lt;1&gt;<br/></p>")
        #expect(html == Self.head + "<p class=\"a&amp;b\">Terms &amp; conditions &lt;1&gt;<br /></p>" + Self.tail)
    }

    @Test("amounts with Indian grouping and the rupee sign, dates DD-MM-YYYY, bools Yes/No")
    func formats() throws {
        let body =
            "<p l:text=\"sanctioned_amount\">x</p><p l:text=\"total_repaid\">x</p><p l:text=\"closure_date\">x</p>"
            + "<p l:text=\"secured\">x</p><p l:text=\"round(sanctioned_amount * 2%, paise, half_up)\">x</p>"
        #expect(
            try render(body) == Self.head + "<p>₹1,00,000.00</p><p>₹1,23,045.60</p><p>10-01-2029</p><p>No</p>"
                + "<p>₹2,000.00</p>" + Self.tail)
    }

    @Test("l:repeat writes the element once per item; l:if is tested per item")
    func repeatAndIf() throws {
        #expect(
            try render("<ul><li l:repeat=\"name in co_borrowers\" l:text=\"name\">x</li></ul>")
                == Self.head + "<ul><li>Vikram Rao</li><li>Meera Rao</li></ul>" + Self.tail)
        #expect(
            try render(
                "<ul><li l:repeat=\"name in co_borrowers\" l:if=\"name != 'Vikram Rao'\" l:text=\"name\">x</li></ul>")
                == Self.head + "<ul><li>Meera Rao</li></ul>" + Self.tail)
        var data = Samples.noc
        data["co_borrowers"] = .list([])
        #expect(
            try render("<ul><li l:repeat=\"name in co_borrowers\">x</li></ul>", data) == Self.head + "<ul></ul>"
                + Self.tail)
    }

    @Test("l:if keeps or drops the element with its content")
    func condition() throws {
        let body = "<p l:if=\"secured\">released</p><p l:if=\"not secured\">unsecured <b>loan</b></p>"
        #expect(try render(body) == Self.head + "<p>unsecured <b>loan</b></p>" + Self.tail)
    }

    @Test("l:define is written where l:use names it, in the scope of the use")
    func reuse() throws {
        let body =
            "<b l:define=\"who\" l:text=\"borrower.name\">x</b>"
            + "<p><span l:use=\"who\"></span> and <span l:use=\"who\"/></p>"
            + "<l:block l:define=\"item\"><i l:text=\"name\">n</i>;</l:block>"
            + "<div l:repeat=\"name in co_borrowers\" l:use=\"item\"></div>"
        #expect(
            try render(body) == Self.head
                + "<p><b>Asha Rao</b> and <b>Asha Rao</b></p><i>Vikram Rao</i>;<i>Meera Rao</i>;"
                + Self.tail)
    }

    @Test("l:attr sets an attribute; a true bool writes it, a false one leaves it out")
    func attributes() throws {
        var data = Samples.noc
        data["secured"] = .bool(true)
        let body =
            "<a href=\"#\" l:attr-href=\"lender.website\">site</a><input type=\"checkbox\" l:attr-checked=\"secured\"/>"
            + "<input type=\"checkbox\" l:attr-checked=\"not secured\"/>"
        #expect(
            try render(body, data) == Self.head + "<a href=\"https://lendline.example\">site</a>"
                + "<input type=\"checkbox\" checked=\"checked\" /><input type=\"checkbox\" />" + Self.tail)
    }

    @Test("<l:block> writes its content without a tag; <style> keeps its CSS as written")
    func blockAndStyle() throws {
        #expect(
            try render("<l:block l:if=\"true\">a<b>b</b></l:block><style>p > b { color: red; }</style>")
                == Self.head + "a<b>b</b><style>p > b { color: red; }</style>" + Self.tail)
    }

    @Test("rendering needs every field of the model, and names what is missing")
    func missingData() {
        var data = Samples.noc
        data["borrower"] = nil
        data["closure_date"] = nil
        let (set, _, _) = TemplateSet.compile([
            TemplateSource(name: "t", path: "t.xhtml", text: Samples.page("<p>x</p>"))
        ])
        #expect(
            attempt { () throws(DocumentError) in try set.render("t", data) }
                == .failure(DocumentError(.invalidData, "the noc data lacks: borrower, closure_date")))
        #expect(
            attempt { () throws(DocumentError) in try set.render("kfs", data) }
                == .failure(DocumentError(.unknownTemplate, "no template named `kfs` (known: t)")))
    }

    @Test("a field of the wrong type is reported with the place that read it, without the value")
    func wrongType() {
        var data = Samples.noc
        data["sanctioned_amount"] = .string("lots")
        let (set, _, _) = TemplateSet.compile([
            TemplateSource(
                name: "t", path: "t.xhtml",
                text: Samples.page("<p l:text=\"sanctioned_amount\">x</p>"))
        ])
        guard case .failure(let error) = attempt({ () throws(DocumentError) in try set.render("t", data) }) else {
            Issue.record("rendered with a string amount")
            return
        }
        #expect(error.kind == .invalidData)
        #expect(error.description.hasPrefix("t.xhtml:1:"))
        #expect(!error.description.contains("lots"))
    }

    @Test("the same template and data give the same bytes")
    func deterministic() throws {
        let body =
            "<ul><li l:repeat=\"name in co_borrowers\" l:text=\"name\">x</li></ul><p l:text=\"lender.name\">x</p>"
        #expect(try render(body) == (try render(body)))
    }

    /// The result of `body`, as a value (typed-throw catch patterns crash the 6.3 compiler in tests).
    func attempt(_ body: () throws(DocumentError) -> String) -> Result<String, DocumentError> {
        do { return .success(try body()) } catch { return .failure(error) }
    }
}
