import ArgumentParser
import Catalog
import Documents
import Foundation
import LoanMath
import Rules
import Server
import Servicing

/// `lendline render DOCUMENT`: a document as HTML or PDF, from terms and particulars (KFS,
/// sanction letter, summary box) or from a loan in the book (NOC, statement, KFS, summary box).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a document (kfs, sanction-letter, summary-box, noc, statement) as HTML or PDF.",
        discussion: """
            From terms:  lendline render kfs --product products/personal-loan.yaml --principal 100000 \\
                           --disbursement-date 2026-04-01 --particulars docs/examples/particulars.json \\
                           --format pdf --output kfs.pdf
            From a loan: lendline render statement --loan L-1 --database lendline.sqlite --from 2026-01-01 --to 2026-03-31
            Terms are resolved as `lendline schedule` resolves them. The letterhead is templates/lender.json in
            --config unless --lender names another file. Exit status 2 on any error in the inputs.
            """)

    @Argument(help: "kfs | sanction-letter | summary-box | noc | statement") var document: String
    @OptionGroup var termsOptions: TermsOptions
    @OptionGroup var book: BookOptions
    @Option(help: "Loan id: render from the loan book instead of from terms.") var loan: String?
    @Option(help: "Statement: first value date (YYYY-MM-DD).") var from: String?
    @Option(help: "Statement: last value date (YYYY-MM-DD).") var to: String?
    @Option(help: "Particulars file (JSON): references, borrowers, conditions… (see templates/README.md).")
    var particulars: String?
    @Option(help: "Letterhead file (JSON); default templates/lender.json in --config.") var lender: String?
    @Option(help: "html | pdf") var format: String = "html"
    @Option(help: "File to write; standard output when not given.") var output: String?

    static let fromTerms = ["kfs", "sanction-letter", "summary-box"]
    static let fromLoan = LoanDocuments.names

    func validate() throws {
        guard DocumentOutput(rawValue: format) != nil else { throw ValidationError("--format must be html or pdf") }
        guard Self.fromTerms.contains(document) || Self.fromLoan.contains(document) else {
            throw ValidationError("unknown document '\(document)'; one of: kfs, sanction-letter, summary-box, noc, statement")
        }
        if let loan, loan.isEmpty { throw ValidationError("--loan needs a loan id") }
        if loan == nil, !Self.fromTerms.contains(document) {
            throw ValidationError("\(document) is rendered from a loan: give --loan ID (and --database)")
        }
        if loan != nil, !Self.fromLoan.contains(document) {
            throw ValidationError("\(document) is rendered from terms: give --product/--terms and --particulars, not --loan")
        }
        if loan == nil, particulars == nil {
            throw ValidationError("\(document) from terms needs --particulars FILE (borrowers, references, dates)")
        }
        if loan == nil, termsOptions.product == nil, termsOptions.terms == nil {
            throw ValidationError("\(document) from terms needs --product FILE or --terms FILE")
        }
        if document == "statement", from == nil || to == nil {
            throw ValidationError("statement needs --from and --to (YYYY-MM-DD)")
        }
    }

    func run() throws {
        do {
            let bytes = try render()
            if let output {
                try bytes.write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(bytes)
            }
        } catch let error as DiagnosticsError {
            throw fail(DiagnosticsReport.render(error))
        } catch let error as DocumentInputError {
            throw fail(error.description)
        } catch let error as DocumentError {
            throw fail("error: \(document): \(error)")
        } catch let error as LoanDocumentError {
            throw fail("error: \(error)")
        } catch let error as ScheduleError {
            throw fail("error: \(error)")
        }
    }

    func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(2)
    }

    /// The document's bytes: HTML (UTF-8) or PDF.
    func render() throws -> Data {
        let catalog = try book.catalog()
        let profile = try LenderProfile.load(path: lender ?? LenderProfile.path(inConfiguration: book.config))
        let fields = try loan.map { try loanFields($0, profile) } ?? termsFields(catalog, profile)
        return try DocumentRenderer(templates: catalog.templates).render(
            document, fields, as: DocumentOutput(rawValue: format) ?? .html)
    }

    /// The document's fields from terms, product and particulars.
    func termsFields(_ catalog: Catalog, _ profile: LenderProfile) throws -> [String: Value] {
        let given = try DocumentParticulars.load(path: particulars ?? "")
        let product = try termsOptions.productDefinition()
        let issued: [String] = product?.references.documents.map { $0.value } ?? []
        if let product, !issued.contains(document) {
            throw DocumentError(
                .unknownTemplate,
                "product \(product.id) does not issue `\(document)` (its documents: \(issued.joined(separator: ", ")))")
        }
        let schedule = try ScheduleEngine.schedule(for: try termsOptions.resolve())
        let facts = product.map(LoanDocuments.facts) ?? ProductFacts(name: "Loan")
        guard let model = catalog.templates[document]?.model else {
            throw DocumentError(.unknownTemplate, "no template named `\(document)` in \(book.config)/templates")
        }
        return try TermsDocumentData.fields(model, schedule: schedule, product: facts, particulars: given, lender: profile)
    }

    /// The document's fields from the loan book.
    func loanFields(_ id: String, _ profile: LenderProfile) throws -> [String: Value] {
        let (loanBook, catalog) = try book.openBook()
        let documents = LoanDocuments(book: loanBook, catalog: catalog, lender: profile)
        switch document {
        case "noc": return try documents.noc(id)
        case "statement":
            return try documents.statement(
                id, from: try parseDate(from ?? "", option: "--from"), to: try parseDate(to ?? "", option: "--to"))
        case "kfs": return try documents.bookedTerms(.keyFactsStatement, id)
        default: return try documents.bookedTerms(.summaryBox, id)
        }
    }
}
