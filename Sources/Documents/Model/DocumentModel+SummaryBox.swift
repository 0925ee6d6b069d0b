import Rules

extension DocumentModel {
    /// The summary box at the head of the loan agreement (RBI, KFS directions 2024): the key terms
    /// the borrower signs for, in one table.
    public static let summaryBox = DocumentModel(
        name: "summary-box", summary: "Summary box of the loan agreement",
        fields: [
            Field("agreement_number", .string, "the loan agreement's (or loan account's) number"),
            Field("agreement_date", .date, "date of the agreement"),
            Field("lender", DocumentRecords.lender, "the lender"),
            Field("borrowers", .list(DocumentRecords.party), "applicant, co-applicants and guarantors"),
            Field("product_name", .string, "the loan product"),
            Field("sanctioned_amount", .money, "loan amount sanctioned"),
            Field("disbursement_date", .date, "date of (first) disbursal"),
            Field("loan_term", .string, "term of the loan in words, e.g. 36 months"),
            Field("installment_type", .string, "instalment type, e.g. equated monthly instalments"),
            Field("installment_count", .integer, "number of instalments"),
            Field("installment_amount", .money, "amount of each instalment"),
            Field("first_due_date", .date, "due date of the first instalment"),
            Field("interest_rate", .rate, "annual rate of interest"),
            Field(
                "rate_type", .enumeration(EnumType(name: "rate_type", values: ["fixed", "floating"])),
                "fixed or floating"),
            Field("fees", .list(DocumentRecords.fee), "upfront fees and charges, each with its GST"),
            Field("fees_total", .money, "every upfront fee and charge, GST included"),
            Field("net_disbursed", .money, "sanctioned amount less every upfront fee and charge"),
            Field("total_interest", .money, "total interest over the term"),
            Field("total_payable", .money, "principal plus interest the borrower repays"),
            Field("apr", .rate, "annual percentage rate, every charge included"),
            Field(
                "contingent_charges", .list(DocumentRecords.charge),
                "penal charges (with the reason), foreclosure, switch and other charges"),
            Field("cooling_off_days", .integer, "days the borrower may exit paying principal and proportionate APR"),
            Field("recovery_agents_engaged", .bool, "whether recovery agents may be engaged"),
            Field("may_be_transferred", .bool, "whether the loan may be transferred or securitised"),
        ])
}
