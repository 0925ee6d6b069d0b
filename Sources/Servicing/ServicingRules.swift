import LoanMath
import Rules

/// The lender's servicing rules a loan runs under: the repayment waterfall, IRACP thresholds,
/// provisioning rates and the penal-charge policy.
public struct ServicingRules: Sendable {
    public var waterfall: Waterfall
    public var classification: ClassificationRules
    public var provisioning: ProvisioningRates
    /// The compiled `penal-charges` policy, evaluated per overdue instalment at each day end.
    public var penal: PenalCharging?

    public init(waterfall: Waterfall = Waterfall(), classification: ClassificationRules = .rbi,
                provisioning: ProvisioningRates = .nbfc(), penal: PenalCharging? = nil) {
        self.waterfall = waterfall
        self.classification = classification
        self.provisioning = provisioning
        self.penal = penal
    }
}

/// Evaluates the penal-charge policy for one overdue instalment on one day.
public struct PenalCharging: Sendable {
    public let policy: CompiledPolicy
    /// The product category and borrower type fed to the policy.
    public var productCategory: String
    public var borrowerType: String

    public init(policy: CompiledPolicy, productCategory: String = "retail", borrowerType: String = "individual") {
        self.policy = policy
        self.productCategory = productCategory
        self.borrowerType = borrowerType
    }

    /// The penal charge for `row` at the end of `date`, zero when the policy levies none.
    func charge(for row: InstallmentState, dpd: Int, chargedSoFar: Money) throws(ServicingError) -> Money {
        let overdue = row.principalUnpaid + row.interestUnpaid
        let inputs: [String: Value] = [
            "product_category": .string(productCategory), "borrower_type": .string(borrowerType),
            "instalment_amount": Value(row.principal + row.interest), "overdue_amount": Value(overdue),
            "days_past_due": .integer(Int64(dpd)), "penal_charged_on_instalment": Value(chargedSoFar),
        ]
        let decision: Decision
        do { decision = try policy.evaluate(inputs: inputs) } catch {
            throw .policyFailed(policy: policy.name, reason: "\(error)")
        }
        guard decision.outcome == .approve, let amount = decision.outputs["penal_charge"]?.moneyValue else {
            return .zero(row.principal.currency)
        }
        return Money(minorUnits: amount.minorUnits, currency: row.principal.currency)
    }
}
