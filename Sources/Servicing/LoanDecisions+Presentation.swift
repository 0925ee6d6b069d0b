import Ledger
import LoanMath

extension LoanDecisions {
    /// `bounce` and the bounce `charge` (with GST) from the fee schedule: a NACH debit or cheque
    /// presented for `installment` came back unpaid. Nothing is paid; the instalment stays overdue.
    public static func bounce(_ state: LoanState, installment: Int, on date: LocalDate, reference: String, reason: String,
                              rules: ServicingRules) throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, date)
        guard let row = state.installments.first(where: { $0.number == installment }) else {
            throw .invalid(field: "installment", message: "loan \(state.loanID) has no instalment \(installment)")
        }
        guard !reason.isEmpty else { throw .invalid(field: "reason", message: "a return reason is required") }
        let presented = row.principalUnpaid + row.interestUnpaid
        var events = [NewEvent(.bounce, valueDate: date, payload: ServicingPayload.encode(
            BouncePayload(reference: reference, installment: installment, amount: presented.minorUnits, reason: reason)))]
        if let fees = rules.fees {
            let charge = try fees.bounceCharge(for: state)
            if charge.total > .zero(state.currency) {
                let payload = ChargePayload(kind: .bounce, installment: installment, amount: charge.amount.minorUnits,
                                            reason: "\(reference) dishonoured: \(reason)", gst: charge.gst.minorUnits)
                events.append(NewEvent(.charge, valueDate: date, payload: ServicingPayload.encode(payload)))
            }
        }
        return events
    }

    /// `re_present`: the dishonoured debit for `installment` presented again; a repayment follows if it clears.
    public static func rePresent(_ state: LoanState, installment: Int, on date: LocalDate, reference: String)
        throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, date)
        guard let row = state.installments.first(where: { $0.number == installment }), !row.isSettled else {
            throw .invalid(field: "installment", message: "instalment \(installment) has nothing to present")
        }
        let payload = RePresentPayload(reference: reference, installment: installment,
                                       amount: (row.principalUnpaid + row.interestUnpaid).minorUnits,
                                       attempt: state.bounces + 1)
        return [NewEvent(.rePresent, valueDate: date, payload: ServicingPayload.encode(payload))]
    }

    /// Refuses a command for a closed loan or one not dated on the loan's business date.
    static func checkBusinessDate(_ state: LoanState, _ date: LocalDate) throws(ServicingError) {
        guard state.status == .active else { throw .notActive(loanID: state.loanID, status: state.status) }
        guard date >= state.disbursementDate else {
            throw .invalid(field: "value_date", message: "is before the disbursement date \(state.disbursementDate.iso)")
        }
        if let last = state.lastDayEnd, date <= last {
            throw .backDated(loanID: state.loanID, valueDate: date, lastDayEnd: last)
        }
        guard date <= state.nextDayEnd else {
            throw .futureDated(loanID: state.loanID, valueDate: date, businessDate: state.nextDayEnd)
        }
    }
}
