import Ledger
import LoanMath

extension LoanDecisions {
    /// `writeoff`: the loan's principal, unpaid interest and charges taken off the books against the
    /// provision held and the write-off expense; collection may go on (`recovery_post_writeoff`).
    public static func writeOff(_ state: LoanState, on date: LocalDate, reason: String) throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, date)
        guard !reason.isEmpty else { throw .invalid(field: "reason", message: "a reason is required") }
        let payload = WriteOffPayload(reason: reason, paid: 0, exposure: exposure(state))
        return [NewEvent(.writeoff, valueDate: date, payload: ServicingPayload.encode(payload))]
    }

    /// `settlement`: a one-time settlement; `amount` is received and what remains is waived and
    /// written off. The loan is then settled (not closed: the bureau reports it as settled).
    public static func settle(_ state: LoanState, amount: Money, on date: LocalDate, reference: String)
        throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, date)
        let exposure = exposure(state)
        let total = exposure.principal + exposure.interest + exposure.charges
        guard amount > .zero(state.currency), amount.minorUnits < total else {
            throw .invalid(field: "amount", message: "must be more than zero and less than the dues of "
                           + "\(Money(minorUnits: total, currency: state.currency).decimalString); else repay or foreclose")
        }
        let payload = WriteOffPayload(reason: "one-time settlement \(reference)", paid: amount.minorUnits, exposure: exposure)
        return [NewEvent(.settlement, valueDate: date, payload: ServicingPayload.encode(payload))]
    }

    /// `noc_issued`: the No Objection Certificate of a loan closed (repaid or foreclosed) or settled;
    /// issued once.
    public static func issueNOC(_ state: LoanState, on date: LocalDate) throws(ServicingError) -> [NewEvent] {
        guard state.status == .closed || state.status == .settled else {
            throw .invalid(field: "loan", message: "loan \(state.loanID) is \(state.status.rawValue): a NOC needs it closed or settled")
        }
        guard state.nocNumber == nil else {
            throw .invalid(field: "loan", message: "NOC \(state.nocNumber ?? "") was already issued")
        }
        let payload = NOCPayload(number: "NOC-\(state.loanID)", closureReason: state.closureReason ?? state.status.rawValue,
                                 documentsReturnBy: date.adding(days: 30).iso)
        return [NewEvent(.nocIssued, valueDate: date, payload: ServicingPayload.encode(payload))]
    }

    /// `recovery_post_writeoff`: money collected on a written-off or settled loan: income, not principal.
    public static func recover(_ state: LoanState, amount: Money, on date: LocalDate, reference: String)
        throws(ServicingError) -> [NewEvent] {
        guard state.status == .writtenOff || state.status == .settled else {
            throw .invalid(field: "loan", message: "loan \(state.loanID) is \(state.status.rawValue): post a repayment")
        }
        guard amount > .zero(state.currency) else { throw .invalid(field: "amount", message: "must be more than zero") }
        let payload = RecoveryPayload(amount: amount.minorUnits, reference: reference)
        return [NewEvent(.recoveryPostWriteoff, valueDate: date, payload: ServicingPayload.encode(payload))]
    }

    /// What the books carry for the loan: principal, interest receivable (accrued, unpaid), charges,
    /// interest held in suspense and the provision.
    static func exposure(_ s: LoanState) -> WriteOffPayload.Exposure {
        let interestPaid = s.installments.reduce(Int64(0)) { $0 + $1.interestPaid.minorUnits }
        return .init(principal: s.principalOutstanding.minorUnits,
                     interest: s.interestRecognised.minorUnits + s.interestSuspended.minorUnits - interestPaid,
                     charges: s.charges.reduce(Int64(0)) { $0 + $1.unpaid.minorUnits },
                     suspense: s.interestSuspended.minorUnits, provision: s.provision.minorUnits)
    }
}

extension LoanState {
    /// Takes the loan off the books: written off, or settled when something was paid.
    mutating func applyWriteOff(_ p: WriteOffPayload, settled: Bool) {
        principalWrittenOff += money(p.exposure.principal)
        provision = .zero(currency)
        status = settled ? .settled : .writtenOff
    }
}

extension GLPostings {
    /// Write-off or settlement: receivables credited; the suspense reversed, the provision used,
    /// the rest to the write-off expense (less what a settlement brought in).
    static func writeOffLines(_ p: WriteOffPayload, _ currency: Currency) -> [GLLine] {
        let e = p.exposure
        let zero = Money.zero(currency)
        func money(_ paise: Int64) -> Money { Money(minorUnits: paise, currency: currency) }
        let credits: [(GLAccount, Int64)] = [(.loanPrincipal, e.principal), (.interestReceivable, e.interest),
                                             (.chargesReceivable, e.charges)]
        let owed = e.principal + e.interest + e.charges
        let expense = owed - p.paid - e.suspense - e.provision
        var debits: [(GLAccount, Int64)] = [(.bank, p.paid), (.interestSuspense, e.suspense), (.provisionForLosses, e.provision)]
        debits.append(expense >= 0 ? (.writeOffExpense, expense) : (.recoveryIncome, expense))
        return debits.filter { $0.1 > 0 }.map { GLLine(account: $0.0, debit: money($0.1), credit: zero) }
            + debits.filter { $0.1 < 0 }.map { GLLine(account: $0.0, debit: zero, credit: money(-$0.1)) }
            + credits.filter { $0.1 != 0 }.map { GLLine(account: $0.0, debit: zero, credit: money($0.1)) }
    }
}
