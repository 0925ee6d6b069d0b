import Ledger
import LoanMath

extension LoanDecisions {
    /// `disburse` of a further tranche of a loan sanctioned for more than it has paid out. The
    /// tranche joins the principal still to fall due and the instalments from the current period
    /// are re-amortised over the same number of instalments (the tenure stays, the instalment
    /// grows). The current period keeps the interest accrued on the smaller balance before the
    /// tranche; the tranche earns interest from its value date. Dues already past stay as they are.
    public static func disburseTranche(_ state: LoanState, amount: Money, on valueDate: LocalDate,
                                       reference: String) throws(ServicingError) -> [NewEvent] {
        guard state.status == .active else { throw .notActive(loanID: state.loanID, status: state.status) }
        guard amount > .zero(state.currency), amount.currency == state.currency else {
            throw .invalid(field: "amount", message: "must be more than zero, in \(state.currency.code)")
        }
        guard !reference.isEmpty else { throw .invalid(field: "reference", message: "a reference is required") }
        let undisbursed = state.undisbursed
        guard amount <= undisbursed else {
            throw .invalid(field: "amount", message: "is more than the \(undisbursed) of the sanction not yet disbursed")
        }
        try checkBusinessDate(state, valueDate)
        let future = state.installments.filter { $0.dueDate > valueDate }
        guard let current = future.first else {
            throw .invalid(field: "value_date", message: "is on or after the last instalment's due date")
        }
        let balance = future.reduce(Money.zero(state.currency)) { $0 + $1.principalUnpaid } + amount
        let plan = try reamortise(state, from: current, balance: balance, installments: future.count, on: valueDate)
        let payload = DisbursePayload(
            amount: amount.minorUnits, tranche: state.tranches + 1, reference: reference, schedule: plan.rows,
            accruedBefore: plan.accruedBefore.minorUnits, accruedDays: plan.accruedDays)
        return [NewEvent(.disburse, valueDate: valueDate, payload: ServicingPayload.encode(payload))]
    }
}

extension LoanState {
    /// The part of the sanction not paid out yet.
    public var undisbursed: Money { sanctioned - principal }

    /// Applies a disbursement: a later tranche adds to the principal lent and re-amortises; the
    /// booking's own disbursement is already in the activation.
    mutating func applyDisbursement(_ p: DisbursePayload) {
        guard let rows = p.schedule else { return }
        replaceInstallments(with: rows, accruedBefore: p.accruedBefore ?? 0, accruedDays: p.accruedDays ?? 0)
        principal += money(p.amount)
        tranches = max(tranches, p.tranche ?? tranches + 1)
    }
}
