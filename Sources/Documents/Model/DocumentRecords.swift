import Rules

/// Record types shared by document models: the lender, the borrower, fees, charges, instalments.
enum DocumentRecords {
    static func record(_ name: String, _ fields: [(String, RuleType)]) -> RuleType {
        .record(RecordType(name: name, fields: fields.map { RecordType.Field(name: $0.0, type: $0.1) }))
    }

    /// An officer the borrower may write to (grievance redressal, nodal officer).
    static let officer = record(
        "officer",
        [
            ("name", .string), ("designation", .string), ("phone", .string), ("email", .string), ("address", .string),
        ])

    /// The lender as it signs its documents.
    static let lender = record(
        "lender",
        [
            ("name", .string), ("address", .string), ("phone", .string), ("email", .string), ("website", .string),
            ("registration", .string), ("grievance_officer", officer),
        ])

    /// The borrower as named in the loan documents.
    static let borrower = record("borrower", [("name", .string), ("address", .string), ("customer_id", .string)])

    /// The part a person plays in a loan.
    static let partyRole = RuleType.enumeration(
        EnumType(name: "party_role", values: ["applicant", "co_applicant", "guarantor"]))

    /// A borrower, co-applicant or guarantor named in a sanction letter or an agreement.
    static let party = record(
        "party", [("role", partyRole), ("name", .string), ("address", .string), ("customer_id", .string)])

    /// The officer who signs for the lender.
    static let signatory = record("signatory", [("name", .string), ("designation", .string)])

    /// One lender of a co-lent loan: its share of the loan and the rate on that share.
    static let coLender = record("co_lender", [("name", .string), ("share", .rate), ("interest_rate", .rate)])

    /// One line of a loan statement and the balance after it.
    static let transaction = record(
        "transaction",
        [
            ("date", .date), ("description", .string), ("debit", .money), ("credit", .money), ("balance", .money),
        ])

    /// Who a fee is paid to.
    static let payee = RuleType.enumeration(EnumType(name: "payee", values: ["lender", "third_party"]))

    /// A fee or charge collected with the loan, its GST and total.
    static let fee = record(
        "fee",
        [
            ("name", .string), ("payee", payee), ("recurring", .bool), ("amount", .money), ("gst", .money),
            ("total", .money),
        ])

    /// A contingent charge (penal, foreclosure, switch) and what it is, in words.
    static let charge = record("charge", [("name", .string), ("description", .string)])

    /// One row of a repayment schedule.
    static let installment = record(
        "installment",
        [
            ("number", .integer), ("due_date", .date), ("opening_balance", .money), ("principal", .money),
            ("interest", .money), ("installment", .money), ("closing_balance", .money),
        ])
}
