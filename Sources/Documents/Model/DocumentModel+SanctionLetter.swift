import Rules

extension DocumentModel {
    /// The sanction letter: the lender's offer of a loan on stated terms, to the applicant,
    /// co-applicants and guarantors, valid until a date and subject to conditions precedent.
    public static let sanctionLetter = DocumentModel(
        name: "sanction-letter", summary: "Sanction letter",
        fields: [
            Field("reference_number", .string, "the sanction letter's reference number"),
            Field("proposal_number", .string, "the proposal and Key Facts Statement the sanction refers to"),
            Field("issue_date", .date, "date of the letter"),
            Field("valid_until", .date, "last date the borrower may accept the sanction"),
            Field("lender", DocumentRecords.lender, "the lender"),
            Field("borrowers", .list(DocumentRecords.party), "applicant, co-applicants and guarantors"),
            Field("product_name", .string, "the loan product, e.g. Personal Loan"),
            Field("sanctioned_amount", .money, "loan amount sanctioned"),
            Field("interest_rate", .rate, "annual rate of interest"),
            Field(
                "rate_type", .enumeration(EnumType(name: "rate_type", values: ["fixed", "floating"])),
                "fixed or floating"),
            Field("benchmark_name", .string, "floating: the external benchmark, e.g. RBI repo rate"),
            Field("spread", .rate, "floating: the spread over the benchmark"),
            Field("loan_term", .string, "term of the loan in words, e.g. 36 months"),
            Field("installment_type", .string, "instalment type, e.g. equated monthly instalments"),
            Field("installment_count", .integer, "number of instalments"),
            Field("installment_amount", .money, "amount of each instalment"),
            Field("fees", .list(DocumentRecords.fee), "upfront fees and charges, each with its GST"),
            Field("fees_total", .money, "every upfront fee and charge, GST included"),
            Field("net_disbursed", .money, "sanctioned amount less every upfront fee and charge"),
            Field("apr", .rate, "annual percentage rate, every charge included"),
            Field("conditions", .list(.string), "conditions precedent to disbursal"),
            Field("signatory", DocumentRecords.signatory, "the officer who signs for the lender"),
        ])
}
