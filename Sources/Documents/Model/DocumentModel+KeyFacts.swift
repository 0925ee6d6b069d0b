import Rules

extension DocumentModel {
    /// The Key Facts Statement (RBI, April 2024): Part 1 rate and charges, Part 2 qualitative
    /// information, the APR computation sheet and the repayment schedule.
    public static let keyFactsStatement = DocumentModel(
        name: "kfs", summary: "Key Facts Statement",
        fields: [
            Field("proposal_number", .string, "unique proposal number of the KFS"),
            Field("issue_date", .date, "date the KFS is issued"),
            Field(
                "valid_until", .date,
                "last date the terms hold (at least 3 working days for tenors of 7 days or more)"),
            Field("lender", DocumentRecords.lender, "the lender"),
            Field("borrower", DocumentRecords.borrower, "the borrower"),
            Field("product_name", .string, "the loan product, e.g. Personal Loan"),
            Field("sanctioned_amount", .money, "loan amount sanctioned"),
            Field("disbursal_schedule", .string, "how the loan is disbursed, e.g. 100% upfront"),
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
            Field("benchmark_name", .string, "floating: the external benchmark, e.g. RBI repo rate"),
            Field("benchmark_rate", .rate, "floating: the benchmark's current value"),
            Field("spread", .rate, "floating: the spread over the benchmark"),
            Field("reset_months", .integer, "floating: months between resets"),
            Field("emi_change_for_25bp", .money, "floating: change in instalment for a 25 bp rise"),
            Field(
                "installment_count_change_for_25bp", .integer, "floating: change in instalment count for a 25 bp rise"),
            Field("fees", .list(DocumentRecords.fee), "upfront and recurring fees and charges"),
            Field("fees_to_lender", .money, "fees and charges payable to the lender, GST included"),
            Field("fees_to_third_parties", .money, "charges payable to third parties through the lender"),
            Field("net_disbursed", .money, "sanctioned amount less every upfront fee and charge"),
            Field("total_interest", .money, "total interest over the term"),
            Field("total_payable", .money, "principal plus interest the borrower repays"),
            Field("apr", .rate, "annual percentage rate, every charge included"),
            Field("contingent_charges", .list(DocumentRecords.charge), "penal, foreclosure, switch and other charges"),
            Field("recovery_agents_engaged", .bool, "whether recovery agents may be engaged"),
            Field("recovery_policy_url", .string, "where the recovery policy is published"),
            Field("may_be_transferred", .bool, "whether the loan may be transferred or securitised"),
            Field(
                "co_lenders", .list(DocumentRecords.coLender),
                "co-lending: each lender's share and rate (empty when the loan is not co-lent)"),
            Field("blended_rate", .rate, "co-lending: the blended rate the borrower pays"),
            Field("cooling_off_days", .integer, "digital loans: days the borrower may exit without penalty"),
            Field("schedule", .list(DocumentRecords.installment), "the repayment schedule"),
        ])
}
