import Ledger
import LoanMath

extension LoanDecisions {
    /// `charge`: a fee or charge posted by staff (a bounce charge taken by hand, a legal or
    /// collection charge) with the GST invoiced on it. Penal charges come only from the penal-charge
    /// policy at the day end, never by hand.
    public static func postCharge(_ state: LoanState, kind: ChargeKind, amount: Money, gst: Money, installment: Int,
                                  on date: LocalDate, reason: String) throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, date)
        guard kind != .penal else {
            throw .invalid(field: "kind", message: "penal charges are levied by the day end under the penal-charge policy")
        }
        guard amount > .zero(state.currency), amount.currency == state.currency else {
            throw .invalid(field: "amount", message: "must be more than zero, in \(state.currency.code)")
        }
        guard gst >= .zero(state.currency), gst.currency == state.currency else {
            throw .invalid(field: "gst", message: "must be zero or more, in \(state.currency.code)")
        }
        guard installment == 0 || state.installments.contains(where: { $0.number == installment }) else {
            throw .invalid(field: "installment", message: "loan \(state.loanID) has no instalment \(installment)")
        }
        guard !reason.isEmpty else { throw .invalid(field: "reason", message: "a reason is required") }
        let payload = ChargePayload(kind: kind, installment: installment, amount: amount.minorUnits, reason: reason,
                                    gst: gst.isZero ? nil : gst.minorUnits)
        return [NewEvent(.charge, valueDate: date, payload: ServicingPayload.encode(payload))]
    }

    /// `waiver`: forgives `amount` of the unpaid charges of `kind` (any kind when nil) and of
    /// `installment` (any when nil), oldest first. The GST part of each is reversed in proportion
    /// (half-up to the paisa, cumulative per charge, so a charge waived whole reverses its GST exactly).
    public static func waive(_ state: LoanState, amount: Money, kind: ChargeKind?, installment: Int?, on date: LocalDate,
                             reason: String, approvedBy: [String] = []) throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, date)
        guard amount > .zero(state.currency), amount.currency == state.currency else {
            throw .invalid(field: "amount", message: "must be more than zero, in \(state.currency.code)")
        }
        guard !reason.isEmpty else { throw .invalid(field: "reason", message: "a reason is required") }
        let matching = state.charges.filter {
            !$0.unpaid.isZero && $0.dueDate <= date && (kind == nil || $0.kind == kind)
                && (installment == nil || $0.installment == installment)
        }
        let unpaid = matching.reduce(Money.zero(state.currency)) { $0 + $1.unpaid }
        guard amount <= unpaid else {
            throw .invalid(field: "amount", message: "is more than the \(unpaid.decimalString) of matching charges unpaid")
        }
        var left = amount.minorUnits
        var parts: [WaiverPayload.Part] = []
        for charge in matching where left > 0 {
            let waived = min(left, charge.unpaid.minorUnits)
            let gst = gstShare(of: charge, waivedBefore: charge.waived.minorUnits, waiving: waived)
            parts.append(.init(kind: charge.kind, installment: charge.installment, due: charge.dueDate.iso,
                               amount: waived - gst, gst: gst))
            left -= waived
        }
        let payload = WaiverPayload(amount: amount.minorUnits, reason: reason, approvedBy: approvedBy, parts: parts)
        return [NewEvent(.waiver, valueDate: date, payload: ServicingPayload.encode(payload))]
    }

    /// The GST in `waiving` paise of `charge` after `waivedBefore`: round(total waived × GST / amount),
    /// half-up, less the same for what was waived before.
    static func gstShare(of charge: ChargeState, waivedBefore: Int64, waiving: Int64) -> Int64 {
        let total = Int128(charge.amount.minorUnits), gst = Int128(charge.gst.minorUnits)
        guard gst > 0, total > 0 else { return 0 }
        func share(_ waived: Int64) -> Int128 { (2 * Int128(waived) * gst + total) / (2 * total) }
        return Int64(share(waivedBefore + waiving) - share(waivedBefore))
    }
}

/// `waiver`: the charges forgiven, each split into its income and GST parts; who approved it.
struct WaiverPayload: Codable, Hashable {
    struct Part: Codable, Hashable {
        var kind: ChargeKind
        var installment: Int
        var due: String
        /// The income part forgiven, in paise.
        var amount: Int64
        /// The GST part forgiven, in paise.
        var gst: Int64
    }

    /// Everything forgiven (income and GST), in paise.
    var amount: Int64
    var reason: String
    /// The checkers who approved the waiver (user ids), in order.
    var approvedBy: [String]
    var parts: [Part]
}

extension LoanState {
    /// Marks each part forgiven on the charge it names.
    mutating func applyWaiver(_ p: WaiverPayload) {
        for part in p.parts {
            var left = money(part.amount + part.gst)
            for i in charges.indices where left > .zero(currency) && charges[i].kind == part.kind
                && charges[i].installment == part.installment && charges[i].dueDate.iso == part.due {
                let waived = Money.min(left, charges[i].unpaid)
                charges[i].waived += waived
                left -= waived
            }
        }
    }
}

extension GLPostings {
    /// A waiver: the income (penal or fee) and the GST payable reversed, the receivable credited.
    static func waiverLines(_ p: WaiverPayload, _ currency: Currency) -> [GLLine] {
        let zero = Money.zero(currency)
        var debits: [GLAccount: Int64] = [:]
        for part in p.parts {
            debits[part.kind == .penal ? .penalIncome : .feeIncome, default: 0] += part.amount
            debits[.gstPayable, default: 0] += part.gst
        }
        let lines = GLAccount.allCases.compactMap { account in
            debits[account].flatMap { $0 == 0 ? nil : GLLine(account: account, debit: Money(minorUnits: $0, currency: currency),
                                                              credit: zero) }
        }
        return lines + [GLLine(account: .chargesReceivable, debit: zero, credit: Money(minorUnits: p.amount, currency: currency))]
    }
}
