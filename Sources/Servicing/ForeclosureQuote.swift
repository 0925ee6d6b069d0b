import LoanMath

/// What closes a loan on a date: principal outstanding, interest due and unpaid, interest accrued in
/// the current period through the date (the ledger's daily accrual, the same figure the books
/// carry), unpaid charges and any foreclosure charge, less an advance held.
public struct ForeclosureQuote: Sendable, Hashable {
    public var asOf: LocalDate
    public var principal: Money
    /// Interest of instalments fallen due and unpaid.
    public var interestDue: Money
    /// Interest of the current period from its start through `asOf`.
    public var interestAccrued: Money
    public var charges: Money
    public var foreclosureCharge: Money
    public var advance: Money

    public var total: Money { principal + interestDue + interestAccrued + charges + foreclosureCharge - advance }
}

extension LoanState {
    /// The foreclosure quote for paying the loan off on `date` (before that day's end).
    public func foreclosureQuote(on date: LocalDate, charge: Money? = nil) -> ForeclosureQuote {
        let zero = Money.zero(currency)
        let due = installments.filter { $0.dueDate <= date }
        let interestDue = due.reduce(zero) { $0 + $1.interestUnpaid }
        var accrued = zero
        if let row = installment(accruingOn: date), row.dueDate > date {
            accrued = row.accrued(through: row.periodStart.days(until: date)) - row.interestPaid
        }
        return ForeclosureQuote(asOf: date, principal: principalOutstanding, interestDue: interestDue,
                                interestAccrued: Money.max(accrued, zero),
                                charges: charges.reduce(zero) { $0 + $1.unpaid }, foreclosureCharge: charge ?? zero,
                                advance: advance)
    }
}
