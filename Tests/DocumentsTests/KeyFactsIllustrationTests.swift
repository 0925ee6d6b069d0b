import Documents
import Foundation
import LoanMath
import Rules
import Testing

/// The KFS rendered for RBI's illustration (KFS directions, April 2024, Annex B): ₹1,00,000 at 12%
/// for 12 months, EMI ₹8,885, fees ₹3,000 (₹2,000 to the lender, ₹1,000 to a third party). The
/// figures expected are the regulator's: total interest ₹6,620, net disbursed ₹97,000, total
/// payable ₹1,06,620, APR 17.83%.
@Suite struct KeyFactsIllustrationTests {
    /// The document's text as a reader sees it: tags dropped, entities read, spaces collapsed.
    static func text(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<style>[^<]*</style>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&quot;", "\"")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (spaced, tight) in [(" ,", ","), (" )", ")"), (" .", "."), (" ;", ";")] {
            text = text.replacingOccurrences(of: spaced, with: tight)
        }
        return text
    }

    static func rendered(_ particulars: DocumentParticulars? = nil) throws -> String {
        let data = try DocumentSamples.termsData(
            .keyFactsStatement, DocumentSamples.rbiIllustration(), particulars: particulars)
        return try DocumentGoldenTests.templates().render("kfs", data)
    }

    @Test("the APR computation sheet shows RBI's figures, row by row")
    func computationSheet() throws {
        let text = Self.text(try Self.rendered())
        for row in [
            "1 Sanctioned loan amount ₹1,00,000.00",
            "2 Loan term 12 months",
            "Type of EPI, amount of each EPI and number of EPIs Equated monthly instalments (EMI), ₹8,885.00 × 12",
            "4 Rate of interest 12.00%",
            "5 Total interest over the term, at the rate on the sanction date ₹6,620.00",
            "6 Fees and charges payable ₹3,000.00",
            "A. Payable to the lender ₹2,000.00",
            "B. Payable to third parties through the lender ₹1,000.00",
            "7 Net disbursed amount (1 − 6) ₹97,000.00",
            "8 Total amount to be paid by the borrower (1 + 5) ₹1,06,620.00",
            "9 Annual Percentage Rate (effective annualised rate) 17.83%",
        ] {
            #expect(text.contains(row), "the APR sheet lacks: \(row)")
        }
    }

    @Test("Part 1 shows the EMI, the fees by payee and the APR; Part 2 and the schedule follow")
    func partsInOrder() throws {
        let text = Self.text(try Self.rendered())
        #expect(text.contains("Equated monthly instalments (EMI) 12 ₹8,885.00"))
        #expect(text.contains("Processing fee One-time ₹2,000.00 Total payable to the lender ₹2,000.00"))
        #expect(text.contains("Insurance premium One-time ₹1,000.00 Total payable to third parties ₹1,000.00"))
        #expect(text.contains("9 Annual Percentage Rate (APR) 17.83%"))
        let headings = ["Part 1", "Part 2", "Computation of the Annual Percentage Rate", "Repayment schedule"]
        let places = headings.map { text.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil })
        #expect(zip(places, places.dropFirst()).allSatisfy { $0! < $1! })
    }

    @Test("the repayment schedule: 12 rows of ₹8,885, interest ₹1,000 first, totals ₹1,00,000 and ₹6,620")
    func repaymentSchedule() throws {
        let text = Self.text(try Self.rendered())
        // 1,00,000 × 1% = 1,000 interest; 8,885 − 1,000 = 7,885 principal; 92,115 left.
        #expect(text.contains("1 01-05-2026 ₹1,00,000.00 ₹7,885.00 ₹1,000.00 ₹8,885.00 ₹92,115.00"))
        #expect(text.contains("Total ₹1,00,000.00 ₹6,620.00 ₹1,06,620.00"))
        #expect(text.components(separatedBy: "₹8,885.00").count - 1 == 12 + 2)  // the rows, Part 1 and the APR sheet
        #expect(text.contains("12 01-04-2027"))
    }

    @Test("the co-lending block lists each lender's share and rate and the blended rate, only when co-lent")
    func coLending() throws {
        #expect(!Self.text(try Self.rendered()).contains("Co-lending"))
        var particulars = try DocumentSamples.particulars()
        // 20% at 15% + 80% at 11.25% = 3% + 9% = 12%, the loan's rate.
        particulars.coLenders = [
            .init(name: "Lendline Finance Limited", share: Rate(parsing: "20%")!, interestRate: Rate(parsing: "15%")!),
            .init(name: "Bharat Co-operative Bank", share: Rate(parsing: "80%")!, interestRate: Rate(parsing: "11.25%")!),
        ]
        let text = Self.text(try Self.rendered(particulars))
        #expect(text.contains("Lendline Finance Limited 20.00% 15.00%"))
        #expect(text.contains("Bharat Co-operative Bank 80.00% 11.25%"))
        #expect(text.contains("Blended rate of interest (what the borrower pays) 100.00% 12.00%"))
    }

    @Test("co-lenders whose weighted rate is not the loan's rate are refused, naming both rates")
    func coLendingMismatch() throws {
        var particulars = try DocumentSamples.particulars()
        particulars.coLenders = [
            .init(name: "A", share: Rate(parsing: "50%")!, interestRate: Rate(parsing: "12%")!),
            .init(name: "B", share: Rate(parsing: "50%")!, interestRate: Rate(parsing: "13%")!),
        ]
        let outcome = Result { () throws -> String in try Self.rendered(particulars) }
        guard case .failure(let error) = outcome, let refusal = error as? DocumentError else {
            Issue.record("expected a refusal")
            return
        }
        #expect(refusal.kind == .invalidData)
        #expect(refusal.message == "co_lenders: the share-weighted rate 12.50% is not the loan's rate 12%")
    }

    @Test("a KFS dated on or after the first instalment's due date is refused: repayment cannot start before sanction")
    func issuedAfterFirstDue() throws {
        var particulars = try DocumentSamples.particulars()
        let schedule = try DocumentSamples.rbiIllustration()
        let first = try #require(schedule.rows.first?.dueDate)
        particulars.issueDate = first
        let outcome = Result { () throws -> String in try Self.rendered(particulars) }
        guard case .failure(let error) = outcome, let refusal = error as? DocumentError else {
            Issue.record("expected a refusal")
            return
        }
        #expect(refusal.kind == .invalidData)
        #expect(refusal.message.hasPrefix("issue_date: \(first.iso) is not before the first instalment's due date"))
        particulars.issueDate = first.adding(days: -1)
        #expect(try Self.text(Self.rendered(particulars)).contains("1 days"))
    }
}
