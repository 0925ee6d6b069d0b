/// Lays out repayment schedules from loan terms.
public enum ScheduleEngine {
    /// Longest schedule accepted: 50 years of weekly instalments.
    public static let maxInstallments = 2_600

    /// The repayment schedule for `terms`, or why it cannot be made.
    public static func schedule(for terms: LoanTerms) throws(ScheduleError) -> Schedule {
        try validate(terms)
        let dates = ScheduleDates(terms)
        switch terms.method {
        case .reducingBalance:
            var builder = ReducingBalanceBuilder(terms: terms, dates: dates)
            return try builder.build()
        case .flat, .ruleOf78:
            return try FlatScheduleBuilder(terms: terms, dates: dates).build()
        }
    }

    static func validate(_ terms: LoanTerms) throws(ScheduleError) {
        let n = terms.installmentCount
        guard terms.principal.minorUnits > 0 else { throw .invalid(field: "principal", reason: "must be more than zero") }
        guard n >= 1 && n <= maxInstallments else {
            throw .invalid(field: "tenure", reason: "must be between 1 and \(maxInstallments) instalments")
        }
        guard !terms.annualRate.isNegative else { throw .invalid(field: "rate", reason: "must not be negative") }
        if let first = terms.firstDueDate, first <= terms.disbursementDate {
            throw .invalid(field: "first_due_date", reason: "must be after the disbursement date")
        }
        let m = terms.moratorium
        guard m.principalPeriods >= 0, m.interestPeriods >= 0 else {
            throw .invalid(field: "moratorium", reason: "periods must not be negative")
        }
        guard m.interestPeriods <= m.principalPeriods else {
            throw .invalid(field: "moratorium.interest", reason: "an interest moratorium must not be longer than the principal moratorium")
        }
        guard m.principalPeriods < n else {
            throw .invalid(field: "moratorium.principal", reason: "must leave at least one instalment to repay principal")
        }
        if terms.method != .reducingBalance {
            guard terms.amortization == .equalInstallment else {
                throw .invalid(field: "amortization", reason: "\(terms.method.rawValue) loans repay in equal instalments")
            }
            guard m.isNone else { throw .invalid(field: "moratorium", reason: "not supported with \(terms.method.rawValue) interest") }
        }
        switch terms.amortization {
        case .balloon(let amount):
            guard amount.minorUnits > 0 && amount < terms.principal else {
                throw .invalid(field: "balloon", reason: "must be more than zero and less than the principal")
            }
        case .stepUp(let every, let change):
            guard every >= 1 else { throw .invalid(field: "step.every", reason: "must be at least 1 instalment") }
            guard change.scaledFraction > -Rate.denominator else {
                throw .invalid(field: "step.change", reason: "a step-down must be less than 100%")
            }
        default: break
        }
    }
}

extension Rate {
    var isNegative: Bool { scaledFraction < 0 }
}
