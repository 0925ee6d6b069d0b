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
    /// The compiled `fee-schedule` policy: bounce and foreclosure charges with GST.
    public var fees: FeeCharging?
    /// Provisioning rates by product id where a product's category has its own standard rate.
    public var provisioningByProduct: [String: ProvisioningRates] = [:]
    /// The account code each posting role goes to (`policies/accounting.yaml`).
    public var chart: [GLAccount: String] = Dictionary(uniqueKeysWithValues: GLAccount.allCases.map { ($0, $0.rawValue) })

    /// The provisioning rates for a loan of `product`.
    public func provisioning(for product: String) -> ProvisioningRates { provisioningByProduct[product] ?? provisioning }

    public init(waterfall: Waterfall = Waterfall(), classification: ClassificationRules = .rbi,
                provisioning: ProvisioningRates = .nbfc(), penal: PenalCharging? = nil, fees: FeeCharging? = nil) {
        self.waterfall = waterfall
        self.classification = classification
        self.provisioning = provisioning
        self.penal = penal
        self.fees = fees
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

/// A charge and the GST on it.
public struct TaxedCharge: Sendable, Hashable {
    public var amount: Money
    public var gst: Money

    public var total: Money { amount + gst }
}

/// Evaluates the fee-schedule policy for the charges servicing levies.
public struct FeeCharging: Sendable {
    public let policy: CompiledPolicy
    public var borrowerType: String
    public var businessPurpose: Bool

    public init(policy: CompiledPolicy, borrowerType: String = "individual", businessPurpose: Bool = false) {
        self.policy = policy
        self.borrowerType = borrowerType
        self.businessPurpose = businessPurpose
    }

    func outputs(_ state: LoanState, rateType: String) throws(ServicingError) -> PolicyOutputs {
        let inputs: [String: Value] = [
            "product": .string(state.product), "sanctioned_amount": Value(state.sanctioned),
            "processing_fee_rate": .rate(ExactDecimal(significand: 0, scale: 0)), "rate_type": .string(rateType),
            "borrower_type": .string(borrowerType), "business_purpose": .bool(businessPurpose),
            "principal_outstanding": Value(state.principalOutstanding),
        ]
        do { return try policy.evaluate(inputs: inputs).outputs } catch {
            throw .policyFailed(policy: policy.name, reason: "\(error)")
        }
    }

    func taxed(_ outputs: PolicyOutputs, _ name: String, currency: Currency) -> TaxedCharge {
        func money(_ key: String) -> Money {
            Money(minorUnits: outputs[key]?.moneyValue?.minorUnits ?? 0, currency: currency)
        }
        return TaxedCharge(amount: money(name), gst: money(name + "_gst"))
    }

    /// The charge for a dishonoured NACH debit or cheque on this loan.
    public func bounceCharge(for state: LoanState) throws(ServicingError) -> TaxedCharge {
        taxed(try outputs(state, rateType: "fixed"), "bounce_charge", currency: state.currency)
    }

    /// The foreclosure charge on this loan's principal outstanding (none on floating-rate loans to individuals).
    public func foreclosureCharge(for state: LoanState, rateType: String) throws(ServicingError) -> TaxedCharge {
        taxed(try outputs(state, rateType: rateType), "foreclosure_charge", currency: state.currency)
    }
}
