import LoanMath

extension LoanState {
    /// Everything owed and unpaid that fell due on or before `date`, as the waterfall sees it.
    public func dueItems(on date: LocalDate) -> [DueItem] {
        var items: [DueItem] = []
        for charge in charges where charge.dueDate <= date && !charge.unpaid.isZero {
            items.append(DueItem(installment: charge.installment, dueDate: charge.dueDate,
                                 component: charge.kind.component, unpaid: charge.unpaid))
        }
        // Instalments run in due-date order: none after the first due beyond `date` is due.
        for row in installments {
            if row.dueDate > date { break }
            if row.isSettled { continue }
            if !row.interestUnpaid.isZero {
                items.append(DueItem(installment: row.number, dueDate: row.dueDate, component: .interest,
                                     unpaid: row.interestUnpaid))
            }
            if !row.principalUnpaid.isZero {
                items.append(DueItem(installment: row.number, dueDate: row.dueDate, component: .principal,
                                     unpaid: row.principalUnpaid))
            }
        }
        return items
    }

    /// The oldest due date of an instalment still unpaid at the end of `date`: where DPD counts from.
    public func oldestUnpaidDue(on date: LocalDate) -> LocalDate? {
        for row in installments {
            if row.dueDate > date { return nil }
            if !row.isSettled { return row.dueDate }
        }
        return nil
    }

    /// Principal, interest and charges fallen due by `date` and unpaid.
    public func arrears(on date: LocalDate) -> Money {
        dueItems(on: date).reduce(.zero(currency)) { $0 + $1.unpaid }
    }

    /// The instalment whose interest period (start, due] holds `date`.
    public func installment(accruingOn date: LocalDate) -> InstallmentState? {
        installments.first { $0.periodStart < date && date <= $0.dueDate }
    }

    /// Interest for `date` under the day-by-day split of its period's interest.
    public func accrual(on date: LocalDate) -> (installment: Int, amount: Money) {
        guard let row = installment(accruingOn: date) else { return (0, .zero(currency)) }
        return (row.number, row.accrual(onDay: row.periodStart.days(until: date)))
    }

    /// Whether nothing is owed any more: every instalment and charge paid.
    public var isFullyPaid: Bool {
        installments.allSatisfy(\.isSettled) && charges.allSatisfy { $0.unpaid.isZero } && principalOutstanding.isZero
    }
}
