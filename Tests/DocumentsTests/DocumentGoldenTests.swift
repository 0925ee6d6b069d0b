import Catalog
import Documents
import Foundation
import LoanMath
import Rules
import Testing

/// Every shipped template rendered for a fixed loan, compared byte for byte with
/// `Fixtures/documents/<case>/expected.html` (`LENDLINE_UPDATE_GOLDEN=1` rewrites them; read the diff).
@Suite struct DocumentGoldenTests {
    static func templates() throws -> TemplateSet { try ShippedTemplatesTests.catalog().templates }

    /// The data of each golden case, by case name; the template is the name up to any `+`.
    static func data(_ name: String) throws -> [String: Value] {
        switch name {
        case "kfs": return try DocumentSamples.termsData(.keyFactsStatement, DocumentSamples.rbiIllustration())
        case "kfs+co-lending":
            var particulars = try DocumentSamples.particulars()
            particulars.coLenders = [
                .init(name: "Lendline Finance Limited", share: Rate(parsing: "20%")!, interestRate: Rate(parsing: "15%")!),
                .init(name: "Bharat Co-operative Bank", share: Rate(parsing: "80%")!, interestRate: Rate(parsing: "11.25%")!),
            ]
            return try DocumentSamples.termsData(
                .keyFactsStatement, DocumentSamples.rbiIllustration(), particulars: particulars)
        case "sanction-letter": return try DocumentSamples.termsData(.sanctionLetter, DocumentSamples.sanctionedLoan())
        case "summary-box": return try DocumentSamples.termsData(.summaryBox, DocumentSamples.sanctionedLoan())
        case "statement": return try DocumentSamples.statement()
        default: return Samples.noc
        }
    }

    static let cases = ["kfs", "kfs+co-lending", "noc", "sanction-letter", "statement", "summary-box"]

    @Test("each shipped template renders its golden document", arguments: cases)
    func golden(_ name: String) throws {
        let template = String(name.split(separator: "+")[0])
        let html = try Self.templates().render(template, try Self.data(name))
        ShippedTemplatesTests.keep(html, name + ".html")
        try Golden.check(html, group: "documents", name: name, file: "expected.html")
    }

    @Test("every shipped template has a golden case, and every model a template")
    func coverage() throws {
        let names = Set(Self.cases.map { String($0.split(separator: "+")[0]) })
        #expect(Set(try Self.templates().names) == names)
        #expect(Set(DocumentModel.all.keys) == names)
    }
}
