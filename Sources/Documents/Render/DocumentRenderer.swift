import Foundation
import Rules

/// Turns a document's HTML into a PDF. One implementation runs a Debian-packaged renderer
/// (`WeasyPrintRenderer`); tests may give another.
public protocol PDFRenderer: Sendable {
    /// The PDF of `html`, or why there is none.
    func pdf(_ html: String) throws(DocumentError) -> Data
}

/// Renders a compiled template set's documents as HTML or, through a `PDFRenderer`, as PDF.
public struct DocumentRenderer: Sendable {
    public let templates: TemplateSet
    public let pdfRenderer: any PDFRenderer

    public init(templates: TemplateSet, pdfRenderer: any PDFRenderer = WeasyPrintRenderer()) {
        self.templates = templates
        self.pdfRenderer = pdfRenderer
    }

    /// The document `name` for `data` in `output` form: UTF-8 HTML or PDF bytes.
    public func render(_ name: String, _ data: [String: Value], as output: DocumentOutput) throws(DocumentError)
        -> Data
    {
        let html = try templates.render(name, data)
        switch output {
        case .html: return Data(html.utf8)
        case .pdf: return try pdfRenderer.pdf(html)
        }
    }
}
