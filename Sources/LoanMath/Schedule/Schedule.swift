/// One instalment of a repayment schedule.
public struct ScheduleRow: Hashable, Sendable {
    /// 1-based instalment number.
    public var number: Int
    public var dueDate: LocalDate
    /// Start of the interest period this instalment closes.
    public var periodStart: LocalDate
    public var openingBalance: Money
    public var principal: Money
    public var interest: Money
    /// Interest added to the balance in this period (moratorium with capitalisation).
    public var capitalisedInterest: Money
    public var closingBalance: Money
    /// The year fraction over which this row's interest ran (1/12 for a regular 30/360 month).
    public var periodFraction: YearFraction

    /// What the borrower pays on the due date: principal + interest.
    public var total: Money { principal + interest }
}

/// A repayment schedule and the terms it was made from.
public struct Schedule: Hashable, Sendable {
    public var terms: LoanTerms
    public var rows: [ScheduleRow]
    /// The regular instalment (EMI/EPI) before any last-row adjustment; for step-up the first one.
    public var installmentAmount: Money

    public var totalInterest: Money { rows.reduce(.zero(terms.principal.currency)) { $0 + $1.interest } }
    public var totalPrincipal: Money { rows.reduce(.zero(terms.principal.currency)) { $0 + $1.principal } }
    public var totalCapitalised: Money {
        rows.reduce(.zero(terms.principal.currency)) { $0 + $1.capitalisedInterest }
    }
    public var totalInstallments: Money { rows.reduce(.zero(terms.principal.currency)) { $0 + $1.total } }
}

/// Why a schedule cannot be made from the given terms.
public enum ScheduleError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalid(field: String, reason: String)
    /// The instalment does not cover the interest of a row: the balance would grow.
    case negativeAmortisation(installment: Int)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): return "\(field): \(reason)"
        case .negativeAmortisation(let n):
            return "instalment \(n) does not cover its interest; the balance would grow (negative amortisation)"
        }
    }
}
