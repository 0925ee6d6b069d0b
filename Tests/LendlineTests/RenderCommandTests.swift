import Documents
import Server
import Foundation
import Testing
@testable import lendline

/// `lendline render`: documents from terms and particulars, and from a loan in a scratch SQLite book.
@Suite("lendline render")
struct RenderCommandTests {
    static let particulars = repositoryRoot + "/docs/examples/particulars.json"

    static func scratch(_ ext: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString).\(ext)").path
    }

    /// The command's document as text with tags dropped and spaces collapsed.
    static func render(_ arguments: [String]) throws -> String {
        let html = String(decoding: try RenderCommand.parse(arguments).render(), as: UTF8.self)
        return html.replacingOccurrences(of: "<style>[^<]*</style>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("the KFS of RBI's illustration from a terms file: ₹8,885 EMI, ₹97,000 net, ₹1,06,620 payable, APR 17.83%")
    func keyFactsFromTerms() throws {
        let terms = Self.scratch("json")
        try Data("""
            {"principal": "100000", "rate": "12%", "tenure": 12, "disbursement_date": "2026-04-01",
             "rounding": {"installment": "rupee", "last_installment": "equal"},
             "fees": [{"name": "processing", "amount": "2000"},
                      {"name": "insurance", "amount": "1000", "payee": "third-party"}]}
            """.utf8).write(to: URL(fileURLWithPath: terms))
        defer { try? FileManager.default.removeItem(atPath: terms) }
        let text = try Self.render([
            "kfs", "--config", repositoryRoot, "--terms", terms, "--particulars", Self.particulars,
        ])
        #expect(text.contains("Net disbursed amount (1 − 6) ₹97,000.00"))
        #expect(text.contains("Total amount to be paid by the borrower (1 + 5) ₹1,06,620.00"))
        #expect(text.contains("Annual Percentage Rate (effective annualised rate) 17.83%"))
        #expect(text.contains("₹8,885.00"))
        #expect(text.contains("Proposal number: KFS/BLR/2026/000042"))
    }

    @Test("a sanction letter from the personal-loan product: 2% + 18% GST processing fee and stamp duty")
    func sanctionLetter() throws {
        let text = try Self.render([
            "sanction-letter", "--config", repositoryRoot, "--product", product("personal-loan"), "--principal",
            "300000", "--rate", "13.5%", "--tenure", "36", "--disbursement-date", "2026-04-01", "--particulars",
            Self.particulars,
        ])
        // 2% of 3,00,000 = 6,000, GST 18% = 1,080, total 7,080; with ₹160 stamp duty, 7,240 off 3,00,000.
        #expect(text.contains("processing Lender ₹6,000.00 ₹1,080.00 ₹7,080.00"))
        #expect(text.contains("Net amount to be disbursed ₹2,92,760.00"))
        #expect(text.contains("Meera Kulkarni C-1003"))
    }

    @Test("bad particulars: every problem at once, each with the file and the field")
    func badParticulars() throws {
        let file = Self.scratch("json")
        try Data(#"{"reference": 5, "issue_date": "2026-13-01", "borrowers": [{"role": "cosigner", "name": "A", "address": "", "customer_id": ""}], "colenders": []}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let command = try RenderCommand.parse([
            "kfs", "--config", repositoryRoot, "--product", product("personal-loan"), "--disbursement-date",
            "2026-04-01", "--particulars", file,
        ])
        let outcome = Result { try command.render() }
        guard case .failure(let error) = outcome, let refusal = error as? DocumentInputError else {
            Issue.record("expected the particulars refused")
            return
        }
        #expect(refusal.description.components(separatedBy: "\n").map { $0.replacingOccurrences(of: file, with: "F") } == [
            "F: colenders: unknown field (known: reference, proposal_number, issue_date, valid_until, borrowers, "
                + "conditions, contingent_charges, signatory, recovery_agents_engaged, recovery_policy_url, "
                + "may_be_transferred, cooling_off_days, disbursal_schedule, co_lenders)",
            "F: reference: must be a string",
            "F: issue_date: must be a date YYYY-MM-DD",
            "F: borrowers[0].role: must be one of: applicant, co_applicant, guarantor",
            "F: borrowers: must name exactly one party with role applicant",
        ])
    }

    @Test("a document the product does not issue, or from the wrong source, is refused")
    func refusals() throws {
        #expect(throws: (any Error).self) { try RenderCommand.parse(["noc", "--config", repositoryRoot]) }
        #expect(throws: (any Error).self) { try RenderCommand.parse(["statement", "--loan", "L-1"]) }
        #expect(throws: (any Error).self) { try RenderCommand.parse(["kfs", "--product", "p.yaml"]) }
        #expect(throws: (any Error).self) { try RenderCommand.parse(["kfs", "--loan", "L-1", "--format", "docx"]) }
    }

    @Test("a statement and a NOC from the loan book, to files")
    func fromTheBook() throws {
        let database = Self.scratch("sqlite"), output = Self.scratch("html")
        defer { for path in [database, database + "-wal", database + "-shm", output] { try? FileManager.default.removeItem(atPath: path) } }
        let book = ["--config", repositoryRoot, "--database", database]
        var booking = try Lendline.parseAsRoot(
            ["loan", "book", "L-1", "--product", "personal-loan", "--principal", "100000", "--rate", "12%",
             "--tenure", "12", "--disbursement-date", "2026-01-31"] + book)
        try booking.run()
        var dayEnd = try Lendline.parseAsRoot(["eod", "--date", "2026-02-27"] + book)
        try dayEnd.run()
        var repayment = try Lendline.parseAsRoot(
            ["loan", "repay", "L-1", "--amount", "8884.88", "--date", "2026-02-28", "--reference", "UTR1"] + book)
        try repayment.run()
        try RenderCommand.parse(["statement", "--loan", "L-1", "--from", "2026-01-31", "--to", "2026-02-28",
                                 "--output", output] + book).run()
        let html = try String(contentsOfFile: output, encoding: .utf8)
        // 1,00,000 lent + 1,000 interest − 8,884.88 paid = 92,115.12 owed.
        #expect(html.contains("<td class=\"num\">₹92,115.12</td></tr>"))
        #expect(html.contains("Payment received UTR1"))
        let open = Result { try RenderCommand.parse(["noc", "--loan", "L-1"] + book).render() }
        guard case .failure(let error) = open, let refusal = error as? LoanDocumentError else {
            Issue.record("expected the NOC refused for an open loan")
            return
        }
        #expect(refusal.description == "loan L-1 is active: an NOC is issued only on closure")
    }
}
