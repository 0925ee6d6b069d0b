import Rules

extension DocumentModel {
    /// A loan's statement of account for a period: balances at both ends, every transaction with
    /// the balance after it, what is due and overdue, and the loan's classification.
    public static let loanStatement = DocumentModel(
        name: "statement", summary: "Loan statement of account",
        fields: [
            Field("issue_date", .date, "date the statement is issued"),
            Field("lender", DocumentRecords.lender, "the lender"),
            Field("borrower", DocumentRecords.borrower, "the borrower"),
            Field("loan_account_number", .string, "the loan account number"),
            Field("product_name", .string, "the loan product"),
            Field("sanctioned_amount", .money, "loan amount sanctioned"),
            Field("interest_rate", .rate, "annual rate of interest"),
            Field("disbursement_date", .date, "date of disbursal"),
            Field("period_from", .date, "first value date the statement covers"),
            Field("period_to", .date, "last value date the statement covers"),
            Field("opening_balance", .money, "amount owed at the start: principal, interest and charges unpaid"),
            Field("transactions", .list(DocumentRecords.transaction), "every transaction of the period, in date order"),
            Field("total_debits", .money, "sum of the period's debits"),
            Field("total_credits", .money, "sum of the period's credits"),
            Field("closing_balance", .money, "amount owed at the end of the period"),
            Field("principal_outstanding", .money, "principal not yet repaid at the end of the period"),
            Field("overdue_amount", .money, "instalments and charges due and unpaid at the end of the period"),
            Field("days_past_due", .integer, "days past due of the oldest unpaid due"),
            Field("classification", .string, "asset classification, e.g. Standard, SMA-1, NPA (sub-standard)"),
            Field("has_next_due", .bool, "whether an instalment falls due after the period"),
            Field("next_due_date", .date, "due date of the next instalment"),
            Field("next_due_amount", .money, "amount of the next instalment"),
        ])
}
