import Catalog
import LoanMath

extension ServicingRules {
    /// The servicing rules a catalog sets: IRACP thresholds and provisioning from
    /// `policies/asset-classification.yaml` (RBI thresholds and NBFC rates without it), the chart
    /// from `policies/accounting.yaml` (the default codes without it), and the `penal-charges` and
    /// `fee-schedule` policies.
    public init(catalog: Catalog) {
        let settings = catalog.assetClassification
        self.init(classification: settings?.classification ?? .rbi, provisioning: settings?.provisioning ?? .nbfc(),
                  penal: catalog.policy("penal-charges").map { PenalCharging(policy: $0) },
                  fees: catalog.policy("fee-schedule").map { FeeCharging(policy: $0) })
        if let settings {
            for (id, product) in catalog.products { provisioningByProduct[id] = settings.provisioning(for: product.category) }
        }
        if let accounting = catalog.accounting {
            for account in GLAccount.allCases {
                if let role = account.role { chart[account] = accounting.account(for: role).code }
            }
        }
    }
}

extension GLAccount {
    /// The posting role of `policies/accounting.yaml` this account stands for.
    var role: PostingRole? {
        switch self {
        case .bank: .bank
        case .loanPrincipal: .loanPrincipal
        case .interestReceivable: .interestReceivable
        case .chargesReceivable: .chargesReceivable
        case .provisionForLosses: .provisionForLosses
        case .gstPayable: .gstPayable
        case .interestSuspense: .interestSuspense
        case .borrowerAdvance: .borrowerAdvance
        case .interestIncome: .interestIncome
        case .penalIncome: .penalIncome
        case .feeIncome: .feeIncome
        case .recoveryIncome: .recoveryIncome
        case .provisionExpense: .provisionExpense
        case .writeOffExpense: .writeOffExpense
        }
    }
}
