import Documents
import LoanMath
import Rules
import Testing

/// How values read in a document, against figures written by hand.
@Suite struct DocumentFormatTests {
    @Test(
        "amounts: the rupee sign, Indian grouping (lakh, crore), two places",
        arguments: [
            (Int64(0), "₹0.00"), (5, "₹0.05"), (99_999, "₹999.99"), (10_000_000, "₹1,00,000.00"),
            (123_456_789, "₹12,34,567.89"), (10_000_000_000, "₹10,00,00,000.00"),
            (1_000_000_000_00, "₹1,00,00,00,000.00"), (-250_000_00, "-₹2,50,000.00"),
        ])
    func money(_ paise: Int64, _ expected: String) {
        #expect(DocumentFormat.text(Value(Money(minorUnits: paise))) == expected)
    }

    @Test("rates as percent with at least two places")
    func rates() {
        #expect(DocumentFormat.text(Value.percent("14")!) == "14.00%")
        #expect(DocumentFormat.text(Value.percent("10.125")!) == "10.125%")
        #expect(DocumentFormat.text(Value.percent("0.4")!) == "0.40%")
        #expect(DocumentFormat.text(Value.percent("100")!) == "100.00%")
    }

    @Test("dates DD-MM-YYYY; bools Yes/No; numbers and text as they are; lists not at all")
    func others() {
        #expect(DocumentFormat.text(.date(LocalDate(iso: "2026-01-05")!)) == "05-01-2026")
        #expect(DocumentFormat.text(.bool(true)) == "Yes")
        #expect(DocumentFormat.text(.integer(36)) == "36")
        #expect(DocumentFormat.text(.decimal(ExactDecimal(parsing: "1.50")!)) == "1.5")
        #expect(DocumentFormat.text(.string("a<b")) == "a<b")
        #expect(DocumentFormat.text(.list([])) == nil)
    }

    @Test("an amount with fractions of a paisa is not shown")
    func fractionalPaise() {
        #expect(DocumentFormat.text(.money(ExactDecimal(parsing: "100.005")!)) == nil)
    }
}
