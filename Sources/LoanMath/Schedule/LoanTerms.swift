/// How interest is worked out over the life of a loan.
public enum InterestMethod: String, Sendable, CaseIterable, Codable {
    /// Interest each period on the opening balance of that period.
    case reducingBalance = "reducing-balance"
    /// Interest on the original principal for the whole term, spread equally.
    case flat
    /// Flat total interest, allocated by the sum of digits (front-loaded).
    case ruleOf78 = "rule-of-78"
}

/// How principal is repaid.
public enum Amortization: Hashable, Sendable {
    /// Equal instalments (EMI/EPI).
    case equalInstallment
    /// Equal principal each period plus interest on the balance.
    case equalPrincipal
    /// Interest only, principal in full with the last instalment (bullet).
    case interestOnly
    /// Equal instalments with `balloon` left to pay with the last instalment.
    case balloon(Money)
    /// Instalments change by `change` (negative: step-down) every `every` instalments.
    case stepUp(every: Int, change: Rate)

    /// The file-level name: `equal-installment`, `equal-principal`, …
    public var name: String {
        switch self {
        case .equalInstallment: return "equal-installment"
        case .equalPrincipal: return "equal-principal"
        case .interestOnly: return "interest-only"
        case .balloon: return "balloon"
        case .stepUp: return "step-up"
        }
    }

    public static let names = ["equal-installment", "equal-principal", "interest-only", "balloon", "step-up"]
}

/// What happens to interest that falls due during an interest moratorium.
public enum DeferredInterestTreatment: String, Sendable, CaseIterable, Codable {
    /// Added to the principal when the moratorium ends.
    case capitalise
    /// Collected with the first instalment after the moratorium.
    case collectWithFirst = "collect-with-first"
    /// Not charged.
    case waive
}

/// Periods at the start of the loan without principal and/or interest payments.
public struct Moratorium: Hashable, Sendable {
    /// Instalments in which no principal is due.
    public var principalPeriods: Int
    /// Instalments in which no interest is collected (at most `principalPeriods`).
    public var interestPeriods: Int
    public var deferredInterest: DeferredInterestTreatment

    public init(principalPeriods: Int = 0, interestPeriods: Int = 0, deferredInterest: DeferredInterestTreatment = .capitalise) {
        self.principalPeriods = principalPeriods
        self.interestPeriods = interestPeriods
        self.deferredInterest = deferredInterest
    }

    public static let none = Moratorium()
    public var isNone: Bool { principalPeriods == 0 && interestPeriods == 0 }
}

/// Where the rounding difference of a level instalment ends up in the last instalment.
public enum LastInstallment: String, Sendable, CaseIterable, Codable {
    /// The last instalment is the remaining balance plus that period's interest.
    case adjusted
    /// The last instalment equals the others; its interest is the balancing figure (EMI − balance).
    case equal
}

/// Rounding rules of a product: the instalment to a unit, each period's interest to the paisa.
public struct ScheduleRounding: Hashable, Sendable {
    public var installmentUnit: RoundingUnit
    public var installmentMode: RoundingMode
    public var interestMode: RoundingMode
    public var lastInstallment: LastInstallment

    public init(installmentUnit: RoundingUnit = .minor, installmentMode: RoundingMode = .halfUp,
                interestMode: RoundingMode = .halfUp, lastInstallment: LastInstallment = .adjusted) {
        self.installmentUnit = installmentUnit
        self.installmentMode = installmentMode
        self.interestMode = interestMode
        self.lastInstallment = lastInstallment
    }
}

/// Who receives an upfront fee.
public enum FeePayee: String, Sendable, CaseIterable, Codable {
    case lender
    case thirdParty = "third-party"
}

/// An upfront fee deducted from the disbursement, with GST where it applies.
public struct UpfrontFee: Hashable, Sendable {
    public var name: String
    /// The fee before tax.
    public var amount: Money
    public var payee: FeePayee
    /// GST charged on the fee (zero when none).
    public var gst: Money

    public init(name: String, amount: Money, payee: FeePayee = .lender, gst: Money? = nil) {
        self.name = name
        self.amount = amount
        self.payee = payee
        self.gst = gst ?? .zero(amount.currency)
    }

    /// Fee plus GST: what the borrower bears.
    public var total: Money { amount + gst }
}

/// Everything the schedule engine needs to lay out a loan's repayments.
public struct LoanTerms: Hashable, Sendable {
    public var principal: Money
    /// Nominal annual rate.
    public var annualRate: Rate
    /// Number of instalments.
    public var installmentCount: Int
    public var frequency: Frequency
    public var method: InterestMethod
    public var amortization: Amortization
    public var dayCount: DayCount
    public var disbursementDate: LocalDate
    /// First due date; derived as one period after disbursement when `nil`.
    public var firstDueDate: LocalDate?
    public var moratorium: Moratorium
    public var rounding: ScheduleRounding
    public var fees: [UpfrontFee]

    public init(principal: Money, annualRate: Rate, installmentCount: Int, frequency: Frequency = .monthly,
                method: InterestMethod = .reducingBalance, amortization: Amortization = .equalInstallment,
                dayCount: DayCount = .thirty360, disbursementDate: LocalDate, firstDueDate: LocalDate? = nil,
                moratorium: Moratorium = .none, rounding: ScheduleRounding = ScheduleRounding(),
                fees: [UpfrontFee] = []) {
        self.principal = principal
        self.annualRate = annualRate
        self.installmentCount = installmentCount
        self.frequency = frequency
        self.method = method
        self.amortization = amortization
        self.dayCount = dayCount
        self.disbursementDate = disbursementDate
        self.firstDueDate = firstDueDate
        self.moratorium = moratorium
        self.rounding = rounding
        self.fees = fees
    }
}
