import Documents
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LedgerTestSupport
import Testing

/// `GET /api/v1/loans/{id}/documents/{name}` on RBI's illustration loan as `LoanRoutesTests` books
/// it: ₹1,00,000 at 12% for 12 months, disbursed 31 Jan 2026, EMI ₹8,884.88, instalment 1 (₹1,000
/// interest, ₹7,884.88 principal) paid on 28 Feb.
@Suite("Documents API: statement, NOC, KFS and summary box as HTML or PDF")
struct DocumentRoutesTests {
    /// The document's text: tags dropped, spaces collapsed.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<style>[^<]*</style>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func get(_ api: APIClient, _ uri: String, accept: String) async throws -> Reply {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer all"
        headers[.accept] = accept
        return try await api.client.execute(uri: uri, method: .get, headers: headers, body: nil) { response in
            Reply(status: response.status, contentType: response.headers[.contentType],
                  text: String(buffer: response.body), headers: response.headers)
        }
    }

    @Test(
        "the statement: disbursement, instalment 1's interest and its payment, with the balance after each",
        arguments: Backend.available)
    func statement(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            try await api.bookAndPayFirstInstalment()
            let reply = try await api.get("/api/v1/loans/L-1/documents/statement?from=2026-01-31&to=2026-02-28")
            #expect(reply.status == .ok)
            #expect(reply.contentType == "text/html; charset=utf-8")
            let text = Self.text(reply.text)
            // 0 + 1,00,000 = 1,00,000; + 1,000 interest = 1,01,000; − 8,884.88 paid = 92,115.12.
            #expect(text.contains("31-01-2026 Disbursement ₹1,00,000.00 ₹1,00,000.00"))
            #expect(text.contains("28-02-2026 Interest, instalment 1 (instalment of ₹8,884.88 due) ₹1,000.00 ₹1,01,000.00"))
            #expect(text.contains("Payment received UTR1 ₹8,884.88 ₹92,115.12"))
            #expect(text.contains("Closing balance ₹1,01,000.00 ₹8,884.88 ₹92,115.12"))
            #expect(text.contains("Principal outstanding ₹92,115.12 Overdue amount ₹0.00"))
            #expect(text.contains("Asset classification Standard"))
            #expect(text.contains("Next instalment due on 31-03-2026 Next instalment amount ₹8,884.88"))

            let missing = try await api.get("/api/v1/loans/L-1/documents/statement?from=2026-01-31")
            #expect(missing.status == .badRequest || missing.status == .unprocessableContent)
            let unknown = try await api.get("/api/v1/loans/L-9/documents/statement?from=2026-01-31&to=2026-02-28")
            #expect(unknown.status == .notFound)
        }
    }

    @Test("the NOC is refused while the loan is open, and issued once it is foreclosed", arguments: Backend.available)
    func noc(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            try await api.bookAndPayFirstInstalment()
            let open = try await api.get("/api/v1/loans/L-1/documents/noc")
            #expect(open.status == .conflict)
            #expect(open.contentType == "application/problem+json")
            _ = try await api.post("/api/v1/eod", #"{"date":"2026-03-14"}"#, key: "e2")
            let closed = try await api.post(
                "/api/v1/loans/L-1/foreclosure", #"{"amount":"92560.83","date":"2026-03-15","reference":"FC"}"#,
                key: "fc")
            #expect(closed.status == .created)
            let reply = try await api.get("/api/v1/loans/L-1/documents/noc")
            #expect(reply.status == .ok)
            let text = Self.text(reply.text)
            #expect(text.contains("was foreclosed at your request"))
            // 8,884.88 + 92,560.83 = 1,01,445.71 paid over the loan's life.
            #expect(text.contains("Total amount repaid ₹1,01,445.71"))
            #expect(text.contains("Closed on 15-03-2026"))
        }
    }

    @Test(
        "the KFS of the booked terms: the product's fees (2% + 18% GST, ₹160 stamp duty), net ₹97,480",
        arguments: Backend.available)
    func keyFacts(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            let reply = try await api.get("/api/v1/loans/L-1/documents/kfs?format=html")
            #expect(reply.status == .ok)
            let text = Self.text(reply.text)
            // 2% of 1,00,000 = 2,000 + 18% GST 360 = 2,360 to the lender; 1,00,000 − 2,360 − 160 = 97,480.
            #expect(text.contains("Total payable to the lender ₹2,360.00"))
            #expect(text.contains("Total payable to third parties ₹160.00"))
            #expect(text.contains("₹97,480.00"))
            #expect(text.contains("Equated monthly instalments (EMI) 12 ₹8,884.88"))
            let box = try await api.get("/api/v1/loans/L-1/documents/summary-box")
            #expect(box.status == .ok)
            #expect(Self.text(box.text).contains("Net disbursed amount ₹97,480.00"))
        }
    }

    @Test(
        "Accept: application/pdf gives a PDF; format=html overrides it",
        .enabled(if: WeasyPrintRenderer().isAvailable, "weasyprint is not installed (apt-get install weasyprint)"),
        arguments: Backend.available)
    func pdfByAccept(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            let pdf = try await Self.get(api, "/api/v1/loans/L-1/documents/kfs", accept: "application/pdf")
            #expect(pdf.status == .ok)
            #expect(pdf.contentType == "application/pdf")
            #expect(pdf.text.hasPrefix("%PDF-"))
            #expect(pdf.headers[.contentDisposition] == "inline; filename=\"kfs-L-1.pdf\"")
            let html = try await Self.get(api, "/api/v1/loans/L-1/documents/kfs?format=html", accept: "application/pdf")
            #expect(html.contentType == "text/html; charset=utf-8")
            let bad = try await api.get("/api/v1/loans/L-1/documents/kfs?format=docx")
            #expect(bad.status == .badRequest || bad.status == .unprocessableContent)
        }
    }
}
