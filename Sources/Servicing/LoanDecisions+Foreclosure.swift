import Ledger
import LoanMath

extension LoanDecisions {
    /// `foreclosure_completed` and `closure`: the loan paid off on `valueDate` with at least the
    /// quote of that date; anything beyond the quote is owed back to the borrower.
    public static func foreclose(_ state: LoanState, amount: Money, on valueDate: LocalDate, reference: String,
                                 charge: Money? = nil) throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, valueDate)
        let quote = state.foreclosureQuote(on: valueDate, charge: charge)
        guard amount >= quote.total else {
            throw .invalid(field: "amount", message: "\(amount.decimalString) is less than the foreclosure amount "
                           + "\(quote.total.decimalString) on \(valueDate.iso)")
        }
        let today: Money
        if let row = state.installment(accruingOn: valueDate), row.dueDate > valueDate {
            today = row.accrual(onDay: row.periodStart.days(until: valueDate))
        } else {
            today = .zero(state.currency)
        }
        let payload = ForeclosurePayload(
            amount: amount.minorUnits, reference: reference, principal: quote.principal.minorUnits,
            interestDue: quote.interestDue.minorUnits, interestAccrued: quote.interestAccrued.minorUnits,
            interestToday: today.minorUnits, charges: quote.charges.minorUnits,
            foreclosureCharge: quote.foreclosureCharge.minorUnits, advanceUsed: quote.advance.minorUnits,
            excess: (amount - quote.total).minorUnits, suspenseRealised: state.interestSuspended.minorUnits)
        return [
            NewEvent(.foreclosureCompleted, valueDate: valueDate, payload: ServicingPayload.encode(payload)),
            NewEvent(.closure, valueDate: valueDate, payload: ServicingPayload.encode(ClosurePayload(reason: "foreclosed"))),
        ]
    }
}

extension LoanState {
    /// Settles everything at foreclosure: dues paid, the current period's interest cut to what ran
    /// through the date, later instalments' interest dropped, all principal repaid.
    mutating func applyForeclosure(_ p: ForeclosurePayload, on date: LocalDate) {
        for i in installments.indices {
            let row = installments[i]
            if row.dueDate > date {
                let accrued = row.periodStart < date ? row.accrued(through: row.periodStart.days(until: date)) : .zero(currency)
                installments[i].interest = Money.max(accrued, row.interestPaid)
            }
            installments[i].interestPaid = installments[i].interest
            installments[i].principalPaid = row.principal
        }
        principalRepaid += money(p.principal)
        for i in charges.indices { charges[i].paid = charges[i].amount - charges[i].waived }
        interestRecognised += money(p.interestToday + p.suspenseRealised)
        interestSuspended -= money(p.suspenseRealised)
        advance = money(p.excess)
    }
}
