import Documents
import LoanMath
import Rules

/// Data and template text for render tests.
enum Samples {
    /// A whole template for the `noc` model around `body`, on one line.
    static func page(_ body: String, model: String = "noc") -> String {
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:l=\"https://lendline.dev/template\" l:model=\"\(model)\">"
            + "<body>\(body)</body></html>"
    }

    static func date(_ iso: String) -> Value { .date(LocalDate(iso: iso)!) }

    static let lender = Value.record([
        "name": .string("Lendline Finance Ltd"), "address": .string("12 MG Road, Bengaluru 560001"),
        "phone": .string("080 4000 0000"), "email": .string("care@lendline.example"),
        "website": .string("https://lendline.example"), "registration": .string("CIN U65999KA2024PLC000001"),
        "grievance_officer": .record([
            "name": .string("R. Iyer"), "designation": .string("Grievance Redressal Officer"),
            "phone": .string("080 4000 0001"), "email": .string("grievance@lendline.example"),
            "address": .string("12 MG Road, Bengaluru 560001"),
        ]),
    ])

    static func borrower(_ name: String = "Asha Rao") -> Value {
        .record([
            "name": .string(name), "address": .string("4 Lake View, Pune 411001"), "customer_id": .string("C-1001"),
        ])
    }

    /// Every field of the `noc` model.
    static var noc: [String: Value] {
        [
            "reference_number": .string("NOC/2029/0042"), "issue_date": date("2029-01-15"), "lender": lender,
            "borrower": borrower(), "co_borrowers": .list([.string("Vikram Rao"), .string("Meera Rao")]),
            "loan_account_number": .string("PL-000123"), "product_name": .string("Personal Loan"),
            "sanctioned_amount": .rupees(100000), "disbursement_date": date("2026-01-10"),
            "closure_date": date("2029-01-10"), "closure_reason": .string("repaid"),
            "total_repaid": .money(ExactDecimal(significand: 12_304_560, scale: 2)), "secured": .bool(false),
            "security_description": .string(""), "documents_return_by": date("2029-02-09"),
        ]
    }
}
