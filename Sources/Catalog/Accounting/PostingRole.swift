/// What a posting of the servicing engine is for: the contract between the engine, which posts to
/// roles, and `policies/accounting.yaml`, which maps every role to one account of the lender's chart.
public enum PostingRole: String, Sendable, Hashable, CaseIterable {
    /// The lender's bank account: disbursements out, collections in.
    case bank
    /// Principal outstanding of the loan book.
    case loanPrincipal = "loan_principal"
    /// Interest accrued and due, not yet collected.
    case interestReceivable = "interest_receivable"
    /// Fees and penal charges levied, not yet collected.
    case chargesReceivable = "charges_receivable"
    /// The provision held against the loan book (netted against advances).
    case provisionForLosses = "provision_for_losses"
    /// Interest accrued on non-performing loans, held back from income until it is collected.
    case interestSuspense = "interest_suspense"
    /// Money received from a borrower before anything is due to apply it to.
    case borrowerAdvance = "borrower_advance"
    /// GST collected on fees and charges, owed to the government.
    case gstPayable = "gst_payable"
    /// Interest recognised as income.
    case interestIncome = "interest_income"
    /// Penal charges recognised as income.
    case penalIncome = "penal_income"
    /// Processing, bounce, foreclosure and other fees recognised as income.
    case feeIncome = "fee_income"
    /// The charge to profit for raising the provision.
    case provisionExpense = "provision_expense"
    /// The loss booked when a loan is written off.
    case writeOffExpense = "write_off_expense"
    /// Money recovered on a loan already written off.
    case recoveryIncome = "recovery_income"

    /// The kinds of account the role may post to: receivables are assets, income goes to income.
    public var allowedTypes: [AccountType] {
        switch self {
        case .bank, .loanPrincipal, .interestReceivable, .chargesReceivable: [.asset]
        case .provisionForLosses: [.contraAsset, .liability]
        case .interestSuspense: [.liability, .contraAsset]
        case .borrowerAdvance, .gstPayable: [.liability]
        case .interestIncome, .penalIncome, .feeIncome, .recoveryIncome: [.income]
        case .provisionExpense, .writeOffExpense: [.expense]
        }
    }

    /// What the role is for, in a finance team's words (for the schema and messages).
    public var summary: String {
        switch self {
        case .bank: "the lender's bank account: disbursements out, collections in"
        case .loanPrincipal: "principal outstanding of the loan book"
        case .interestReceivable: "interest accrued and due, not yet collected"
        case .chargesReceivable: "fees and penal charges levied, not yet collected"
        case .provisionForLosses: "the provision held against the loan book"
        case .interestSuspense: "interest on non-performing loans, kept out of income until collected"
        case .borrowerAdvance: "money received before anything is due to apply it to"
        case .gstPayable: "GST collected on fees and charges, owed to the government"
        case .interestIncome: "interest recognised as income"
        case .penalIncome: "penal charges recognised as income"
        case .feeIncome: "fees recognised as income"
        case .provisionExpense: "the charge to profit for raising the provision"
        case .writeOffExpense: "the loss booked when a loan is written off"
        case .recoveryIncome: "money recovered on a loan already written off"
        }
    }
}
