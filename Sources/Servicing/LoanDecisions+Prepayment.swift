import Ledger
import LoanMath

/// What a part-prepayment does to the rest of the schedule.
public enum PrepaymentEffect: String, Sendable, Hashable, Codable, CaseIterable {
    /// About the same instalment, fewer of them.
    case reduceTenure = "reduce-tenure"
    /// As many instalments, each smaller.
    case reduceInstallment = "reduce-installment"
}

extension LoanDecisions {
    /// `prepayment`: dues first by the waterfall, the rest off principal, and the instalments from
    /// the current period re-amortised on the new balance. The current period keeps the interest
    /// accrued before the prepayment and runs the new balance's interest over its remaining days.
    public static func prepay(_ state: LoanState, amount: Money, on valueDate: LocalDate, reference: String,
                              effect: PrepaymentEffect, rules: ServicingRules) throws(ServicingError) -> [NewEvent] {
        guard state.status == .active else { throw .notActive(loanID: state.loanID, status: state.status) }
        guard amount > .zero(state.currency), amount.currency == state.currency else {
            throw .invalid(field: "amount", message: "must be more than zero, in \(state.currency.code)")
        }
        try checkBusinessDate(state, valueDate)
        let (parts, remainder) = rules.waterfall.allocate(amount, to: state.dueItems(on: valueDate), on: valueDate)
        var after = state
        let allocations = parts.map {
            RepaymentPayload.Part(installment: $0.installment, due: $0.dueDate.iso, component: $0.component,
                                  amount: $0.amount.minorUnits)
        }
        for part in allocations { after.settle(part) }
        let future = after.installments.filter { $0.dueDate > valueDate }
        guard let current = future.first, remainder > .zero(state.currency) else {
            throw .invalid(field: "amount", message: "covers only the dues; post it as a repayment")
        }
        let balance = future.reduce(Money.zero(state.currency)) { $0 + $1.principalUnpaid } - remainder
        guard balance > .zero(state.currency) else {
            throw .invalid(field: "amount", message: "pays off the loan; use a foreclosure quote instead")
        }
        let count = try installmentCount(after: balance, effect: effect, state: state, current: current,
                                         remaining: future.count)
        let plan = try reamortise(state, from: current, balance: balance, installments: count, on: valueDate)
        let payload = PrepaymentPayload(
            amount: amount.minorUnits, reference: reference, allocations: allocations,
            principalPrepaid: remainder.minorUnits, effect: effect, schedule: plan.rows,
            accruedBefore: plan.accruedBefore.minorUnits, accruedDays: plan.accruedDays)
        return [NewEvent(.prepayment, valueDate: valueDate, payload: ServicingPayload.encode(payload))]
    }

    /// The instalments from `current` on, re-amortised on `balance` over `installments` at the loan's
    /// rate, for a change of principal on `valueDate` (a prepayment or a tranche). The current period
    /// keeps the interest accrued before `valueDate` on the old balance and runs the new balance's
    /// share of a full period's interest over the days left (the change's own day runs on the new one).
    static func reamortise(_ state: LoanState, from current: InstallmentState, balance: Money, installments: Int,
                           on valueDate: LocalDate) throws(ServicingError)
        -> (rows: [ActivatePayload.Row], accruedBefore: Money, accruedDays: Int) {
        let accruedDays = max(current.periodStart.days(until: valueDate) - 1, 0)
        let accruedBefore = current.periodStart < valueDate ? current.accrued(through: accruedDays) : .zero(state.currency)
        var terms = LoanTerms(principal: balance, annualRate: state.annualRate, installmentCount: installments,
                              frequency: state.frequency, dayCount: state.dayCount, disbursementDate: current.periodStart,
                              firstDueDate: current.dueDate)
        terms.rounding = ScheduleRounding()
        let schedule: Schedule
        do { schedule = try ScheduleEngine.schedule(for: terms) } catch {
            throw .invalid(field: "amount", message: "the schedule cannot be re-amortised: \(error)")
        }
        var rows = schedule.rows.enumerated().map { offset, row in
            ActivatePayload.Row(n: current.number + offset, start: row.periodStart.iso, due: row.dueDate.iso,
                                principal: row.principal.minorUnits, interest: row.interest.minorUnits)
        }
        let days = current.periodDays
        let share = Money(minorUnits: rows[0].interest, currency: state.currency)
            .scaled(by: Int128(days - accruedDays), over: Int128(days), .halfUp)
        rows[0].interest = (accruedBefore + share).minorUnits
        return (rows, accruedBefore, accruedDays)
    }

    /// Instalments left after the prepayment: as many as before, or the fewest whose level
    /// instalment on `balance` does not exceed the current one.
    static func installmentCount(after balance: Money, effect: PrepaymentEffect, state: LoanState,
                                 current: InstallmentState, remaining: Int) throws(ServicingError) -> Int {
        guard effect == .reduceTenure else { return remaining }
        let target = current.principal + current.interest
        for n in 1...remaining {
            let terms = LoanTerms(principal: balance, annualRate: state.annualRate, installmentCount: n,
                                  frequency: state.frequency, dayCount: state.dayCount,
                                  disbursementDate: current.periodStart, firstDueDate: current.dueDate)
            if let schedule = try? ScheduleEngine.schedule(for: terms), schedule.installmentAmount <= target { return n }
        }
        return remaining
    }
}

extension LoanState {
    /// Applies a prepayment: its allocations, then the re-amortised instalments in place of the old ones.
    mutating func applyPrepayment(_ p: PrepaymentPayload) {
        for part in p.allocations { settle(part) }
        replaceInstallments(with: p.schedule, accruedBefore: p.accruedBefore, accruedDays: p.accruedDays)
        principalRepaid += money(p.principalPrepaid)
    }

    /// Puts re-amortised instalments in place of those from the first one's number on; the first
    /// keeps the interest accrued through `accruedDays` as the base of its further accrual.
    mutating func replaceInstallments(with rows: [ActivatePayload.Row], accruedBefore: Int64, accruedDays: Int) {
        guard let first = rows.first else { return }
        installments.removeAll { $0.number >= first.n }
        installments += rows.map { Self.installment($0, currency) }
        if let i = installments.firstIndex(where: { $0.number == first.n }), accruedDays > 0 {
            installments[i].accrualBaseDay = accruedDays
            installments[i].accrualBase = money(accruedBefore)
        }
    }
}
