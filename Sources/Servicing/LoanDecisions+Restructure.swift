import Ledger
import LoanMath

extension LoanDecisions {
    /// `restructure` (and the downgrade): the overdue interest and the interest accrued so far are
    /// capitalised with the principal outstanding, a new schedule runs from `date` at the new rate
    /// and tenure, a standard or SMA loan is downgraded to sub-standard at once, and a 12-month
    /// observation starts in which it cannot be upgraded. Charges stay separate dues (a penal
    /// charge is never capitalised).
    public static func restructure(_ state: LoanState, on date: LocalDate, annualRate: Rate, installments: Int,
                                   reason: String) throws(ServicingError) -> [NewEvent] {
        try checkBusinessDate(state, date)
        guard (1...600).contains(installments) else { throw .invalid(field: "installments", message: "must be 1 to 600") }
        guard annualRate >= .zero, annualRate < Rate(basisPoints: 10_000) else {
            throw .invalid(field: "rate", message: "must be 0% to below 100%")
        }
        guard !reason.isEmpty else { throw .invalid(field: "reason", message: "a reason is required") }
        let zero = Money.zero(state.currency)
        let overdueInterest = state.installments.filter { $0.dueDate <= date }.reduce(zero) { $0 + $1.interestUnpaid }
        var accrued = zero
        if let row = state.installment(accruingOn: date), row.dueDate > date {
            accrued = row.accrued(through: row.periodStart.days(until: date) - 1) - row.interestPaid
        }
        let capitalised = overdueInterest + Money.max(accrued, zero)
        let principal = state.principalOutstanding + capitalised
        guard principal > zero else { throw .invalid(field: "loan", message: "nothing is outstanding to restructure") }
        let terms = LoanTerms(principal: principal, annualRate: annualRate, installmentCount: installments,
                              frequency: state.frequency, dayCount: state.dayCount, disbursementDate: date)
        let schedule: Schedule
        do { schedule = try ScheduleEngine.schedule(for: terms) } catch {
            throw .invalid(field: "installments", message: "no schedule for these terms: \(error)")
        }
        let first = (state.installments.map(\.number).max() ?? 0) + 1
        let rows = schedule.rows.enumerated().map { offset, row in
            ActivatePayload.Row(n: first + offset, start: row.periodStart.iso, due: row.dueDate.iso,
                                principal: row.principal.minorUnits, interest: row.interest.minorUnits)
        }
        let downgrade = !state.classification.assetClass.isNPA
        let npaSince = downgrade ? date : (state.classification.npaSince ?? date)
        let payload = RestructurePayload(
            reason: reason, rate: annualRate.percentString, installments: installments,
            capitalisedInterest: capitalised.minorUnits, principal: principal.minorUnits, schedule: rows,
            observationUntil: date.adding(months: 12).iso,
            assetClass: downgrade ? .substandard : state.classification.assetClass, npaSince: npaSince.iso)
        var events = [NewEvent(.restructure, valueDate: date, payload: ServicingPayload.encode(payload))]
        if downgrade {
            let change = ClassificationPayload(from: state.classification.assetClass, to: .substandard,
                                               dpd: state.daysPastDue, npaSince: npaSince.iso)
            events.append(NewEvent(.classificationChange, valueDate: date, payload: ServicingPayload.encode(change)))
        }
        return events
    }
}

extension LoanState {
    /// Replaces the schedule from the restructure date: instalments already due keep only what was
    /// paid of them (the rest went into the new principal), later ones give way to the new schedule.
    mutating func applyRestructure(_ p: RestructurePayload, on date: LocalDate) {
        installments = installments.filter { $0.dueDate <= date }.map {
            var row = $0
            row.principal = row.principalPaid
            row.interest = row.interestPaid
            return row
        } + p.schedule.map { Self.installment($0, currency) }
        annualRate = Rate(parsing: p.rate) ?? annualRate
        observationUntil = LocalDate(iso: p.observationUntil)
        restructures += 1
    }
}
