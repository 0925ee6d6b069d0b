import Documents
import Foundation
import LoanMath
import Rules

/// Loans, particulars and the lender the shipped templates are rendered for in tests.
enum DocumentSamples {
    static let root = Golden.repositoryRoot().path

    /// The shipped letterhead, `templates/lender.json`.
    static func lender() throws -> LenderProfile { try LenderProfile.load(path: root + "/templates/lender.json") }

    /// The documented example, `docs/examples/particulars.json`.
    static func particulars() throws -> DocumentParticulars {
        try DocumentParticulars.load(path: root + "/docs/examples/particulars.json")
    }

    static let personalLoan = ProductFacts(name: "Personal Loan")

    /// RBI's KFS illustration (April 2024 circular, Annex B): ₹1,00,000 at 12% fixed for 12 months,
    /// EMI rounded to the rupee (₹8,885), processing fee ₹2,000 to the lender and ₹1,000 insurance to a
    /// third party.
    static func rbiIllustration() throws -> Schedule {
        try ScheduleEngine.schedule(
            for: LoanTerms(
                principal: Money(major: 100_000), annualRate: Rate(parsing: "12%")!, installmentCount: 12,
                disbursementDate: LocalDate(iso: "2026-04-01")!,
                rounding: ScheduleRounding(installmentUnit: .major, lastInstallment: .equal),
                fees: [
                    UpfrontFee(name: "Processing fee", amount: Money(major: 2_000)),
                    UpfrontFee(name: "Insurance premium", amount: Money(major: 1_000), payee: .thirdParty),
                ]))
    }

    /// ₹3,00,000 at 13.5% for 36 months, processing fee 2% + 18% GST, stamp duty ₹160 to the state.
    static func sanctionedLoan() throws -> Schedule {
        try ScheduleEngine.schedule(
            for: LoanTerms(
                principal: Money(major: 300_000), annualRate: Rate(parsing: "13.5%")!, installmentCount: 36,
                disbursementDate: LocalDate(iso: "2026-04-01")!,
                fees: [
                    UpfrontFee(name: "Processing fee", amount: Money(major: 6_000), gst: Money(major: 1_080)),
                    UpfrontFee(name: "Stamp duty", amount: Money(major: 160), payee: .thirdParty),
                ]))
    }

    /// Every field of `model` for `schedule` with the example particulars.
    static func termsData(_ model: DocumentModel, _ schedule: Schedule, particulars: DocumentParticulars? = nil)
        throws -> [String: Value]
    {
        try TermsDocumentData.fields(
            model, schedule: schedule, product: personalLoan, particulars: try particulars ?? Self.particulars(),
            lender: try lender())
    }

    static func money(_ text: String) -> Value { Value(Money(parsing: text)!) }

    /// A quarter of the ₹1,00,000 loan's statement, written out by hand: disbursed 1 Apr; interest
    /// 1% a month on the balance; the May instalment paid, the June one bounced and unpaid.
    static func statement() throws -> [String: Value] {
        func line(_ date: String, _ text: String, debit: String = "0", credit: String = "0", balance: String) -> Value {
            .record([
                "date": Samples.date(date), "description": .string(text), "debit": money(debit),
                "credit": money(credit), "balance": money(balance),
            ])
        }
        return [
            "issue_date": Samples.date("2026-07-01"), "lender": try lender().value, "borrower": Samples.borrower(),
            "loan_account_number": .string("PL-000123"), "product_name": .string("Personal Loan"),
            "sanctioned_amount": .rupees(100_000), "interest_rate": .percent("12")!,
            "disbursement_date": Samples.date("2026-04-01"), "period_from": Samples.date("2026-04-01"),
            "period_to": Samples.date("2026-06-30"), "opening_balance": .rupees(0),
            "transactions": .list([
                line("2026-04-01", "Disbursement", debit: "100000", balance: "100000"),
                line("2026-05-01", "Interest, instalment 1", debit: "1000", balance: "101000"),
                line("2026-05-01", "Payment received NACH-0501", credit: "8885", balance: "92115"),
                line("2026-06-01", "Interest, instalment 2", debit: "921.15", balance: "93036.15"),
                line("2026-06-03", "Bounce charge (incl. GST): NACH returned", debit: "590", balance: "93626.15"),
            ]),
            "total_debits": money("102511.15"), "total_credits": money("8885"), "closing_balance": money("93626.15"),
            "principal_outstanding": money("92115"), "overdue_amount": money("9475"), "days_past_due": .integer(29),
            "classification": .string("SMA-0"), "has_next_due": .bool(true), "next_due_date": Samples.date("2026-07-01"),
            "next_due_amount": money("8885"),
        ]
    }
}
