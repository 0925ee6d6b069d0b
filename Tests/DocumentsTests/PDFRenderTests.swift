import Documents
import Foundation
import Rules
import Testing

/// Documents as PDF through WeasyPrint. CI installs it (scripts/bootstrap); where it is missing the
/// rendering tests are skipped, and say why.
@Suite struct PDFRenderTests {
    static let weasyprint = WeasyPrintRenderer()

    /// Pages in a PDF: its `/Type /Page` objects (not `/Pages`).
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
    }

    static func renderer() throws -> DocumentRenderer { DocumentRenderer(templates: try DocumentGoldenTests.templates()) }

    @Test(
        "the KFS of RBI's illustration renders to a PDF of 3 to 6 A4 pages",
        .enabled(if: weasyprint.isAvailable, "weasyprint is not installed (apt-get install weasyprint)"))
    func keyFactsPDF() throws {
        let data = try DocumentGoldenTests.data("kfs")
        let pdf = try Self.renderer().render("kfs", data, as: .pdf)
        Self.keepPDF(pdf, "kfs.pdf")
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect((3...6).contains(Self.pageCount(pdf)), "pages: \(Self.pageCount(pdf))")
    }

    @Test(
        "the sanction letter, summary box, statement and NOC each render to a PDF of 1 to 3 pages",
        .enabled(if: weasyprint.isAvailable, "weasyprint is not installed (apt-get install weasyprint)"),
        arguments: ["sanction-letter", "summary-box", "statement", "noc"])
    func otherPDFs(_ name: String) throws {
        let pdf = try Self.renderer().render(name, try DocumentGoldenTests.data(name), as: .pdf)
        Self.keepPDF(pdf, name + ".pdf")
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect((1...3).contains(Self.pageCount(pdf)), "\(name) pages: \(Self.pageCount(pdf))")
    }

    @Test("a missing renderer is a precise error naming the executable and how to install it")
    func missingRenderer() throws {
        let renderer = WeasyPrintRenderer(executable: "/nonexistent/weasyprint")
        let outcome = Result { () throws(DocumentError) -> Data in try renderer.pdf("<html></html>") }
        guard case .failure(let error) = outcome else { Issue.record("expected a refusal"); return }
        #expect(error.kind == .rendererUnavailable)
        #expect(error.message.contains("/nonexistent/weasyprint is not installed"))
    }

    @Test("a renderer that fails, or overruns its time limit, is a precise error")
    func failingRenderer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func script(_ name: String, _ body: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return path
        }
        let failing = WeasyPrintRenderer(executable: try script("fail", "echo 'bad CSS' >&2; exit 3"))
        let failed = Result { () throws(DocumentError) -> Data in try failing.pdf("<html></html>") }
        guard case .failure(let error) = failed else { Issue.record("expected a failure"); return }
        #expect(error.kind == .rendererFailed)
        #expect(error.message.hasSuffix("exited with status 3: bad CSS"))

        let slow = WeasyPrintRenderer(executable: try script("slow", "exec sleep 10"), timeoutSeconds: 0.5)
        let started = Date()
        let overran = Result { () throws(DocumentError) -> Data in try slow.pdf("<html></html>") }
        guard case .failure(let timeout) = overran else { Issue.record("expected a time-out"); return }
        #expect(timeout.message.hasSuffix("did not finish within 0.5 seconds"))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    /// Writes a PDF to `$LENDLINE_DOCUMENTS_OUT/<name>` when that folder is set, to look at.
    static func keepPDF(_ pdf: Data, _ name: String) {
        guard let folder = ProcessInfo.processInfo.environment["LENDLINE_DOCUMENTS_OUT"] else { return }
        try? pdf.write(to: URL(fileURLWithPath: folder + "/" + name))
    }
}
