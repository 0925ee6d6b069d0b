import Ledger
import LoanMath

/// What a loan's booking carries: the product, the stored schedule and the security behind it.
public struct LoanBooking: Sendable, Hashable {
    public var loanID: String
    public var product: String
    public var schedule: Schedule
    /// Value of the security covering the loan (zero for an unsecured loan).
    public var securityValue: Money
    /// The amount sanctioned when it is paid out in tranches: the schedule's principal is then the
    /// first tranche, and later ones come as `disburseTranche`. Nil: the principal, all at once.
    public var sanctionedAmount: Money?

    public init(loanID: String, product: String, schedule: Schedule, securityValue: Money,
                sanctionedAmount: Money? = nil) {
        self.loanID = loanID
        self.product = product
        self.schedule = schedule
        self.securityValue = securityValue
        self.sanctionedAmount = sanctionedAmount
    }
}

/// Commands to events: pure functions of the loan's state and the command, no I/O and no clock.
public enum LoanDecisions {
    /// `activate` (with the schedule as generated) and `disburse` of the principal: the whole loan,
    /// or its first tranche when a larger amount is sanctioned.
    public static func activate(_ booking: LoanBooking) throws(ServicingError) -> [NewEvent] {
        let terms = booking.schedule.terms
        guard !booking.loanID.isEmpty, booking.loanID.utf8.count <= LedgerSchema.maxLoanIDLength else {
            throw .invalid(field: "loan_id", message: "must be 1 to \(LedgerSchema.maxLoanIDLength) bytes")
        }
        guard terms.principal > .zero(terms.principal.currency) else {
            throw .invalid(field: "principal", message: "must be more than zero")
        }
        if let sanctioned = booking.sanctionedAmount {
            guard sanctioned.currency == terms.principal.currency, sanctioned >= terms.principal else {
                throw .invalid(field: "sanctioned_amount",
                               message: "must be at least the first tranche \(terms.principal), in its currency")
            }
        }
        let tranched = booking.sanctionedAmount.map { $0 > terms.principal } ?? false
        let rows = booking.schedule.rows.map {
            ActivatePayload.Row(n: $0.number, start: $0.periodStart.iso, due: $0.dueDate.iso,
                                principal: $0.principal.minorUnits, interest: $0.interest.minorUnits)
        }
        let activation = ActivatePayload(
            product: booking.product, currency: terms.principal.currency.code, principal: terms.principal.minorUnits,
            rate: terms.annualRate.percentString, disbursementDate: terms.disbursementDate.iso,
            securityValue: booking.securityValue.minorUnits, schedule: rows, frequency: terms.frequency,
            dayCount: terms.dayCount, sanctioned: tranched ? booking.sanctionedAmount?.minorUnits : nil)
        let disbursement = DisbursePayload(amount: terms.principal.minorUnits, tranche: tranched ? 1 : nil)
        return [
            NewEvent(.activate, valueDate: terms.disbursementDate, payload: ServicingPayload.encode(activation)),
            NewEvent(.disburse, valueDate: terms.disbursementDate,
                     payload: ServicingPayload.encode(disbursement)),
        ]
    }

    /// `repayment` of `amount` received on `valueDate`, applied by the waterfall; what is left over
    /// is kept as an advance. `closure` follows when nothing is owed any more.
    public static func repay(_ state: LoanState, amount: Money, on valueDate: LocalDate, reference: String,
                             rules: ServicingRules) throws(ServicingError) -> [NewEvent] {
        guard state.status == .active else { throw .notActive(loanID: state.loanID, status: state.status) }
        guard amount > .zero(state.currency) else { throw .invalid(field: "amount", message: "must be more than zero") }
        guard amount.currency == state.currency else {
            throw .invalid(field: "amount", message: "currency \(amount.currency.code) is not the loan's \(state.currency.code)")
        }
        try checkBusinessDate(state, valueDate)
        let (allocations, remainder) = rules.waterfall.allocate(amount, to: state.dueItems(on: valueDate), on: valueDate)
        let payload = RepaymentPayload(
            amount: amount.minorUnits, reference: reference,
            allocations: allocations.map {
                .init(installment: $0.installment, due: $0.dueDate.iso, component: $0.component, amount: $0.amount.minorUnits)
            },
            advance: remainder.minorUnits)
        var events = [NewEvent(.repayment, valueDate: valueDate, payload: ServicingPayload.encode(payload))]
        var after = state
        for part in payload.allocations { after.settle(part) }
        if after.isFullyPaid {
            events.append(NewEvent(.closure, valueDate: valueDate, payload: ServicingPayload.encode(ClosurePayload(reason: "repaid"))))
        }
        return events
    }

    /// The day end of `date` for one loan: an advance applied to what fell due, penal charges after grace, the day's accrual (suspended
    /// on an NPA), DPD and IRACP classification, and the provision when it changes. Every day end
    /// writes at least the accrual, which also records that the day ran.
    public static func dayEnd(_ state: LoanState, on date: LocalDate, rules: ServicingRules) throws(ServicingError)
        -> [NewEvent] {
        guard state.status == .active else { throw .notActive(loanID: state.loanID, status: state.status) }
        guard date == state.nextDayEnd else {
            throw .dayEndOutOfOrder(loanID: state.loanID, expected: state.nextDayEnd, requested: date)
        }
        var events: [NewEvent] = []
        var state = state
        if state.advance > .zero(state.currency) {
            let (parts, _) = rules.waterfall.allocate(state.advance, to: state.dueItems(on: date), on: date)
            if !parts.isEmpty {
                let payload = AllocationPayload(
                    amount: parts.reduce(Int64(0)) { $0 + $1.amount.minorUnits },
                    allocations: parts.map {
                        .init(installment: $0.installment, due: $0.dueDate.iso, component: $0.component,
                              amount: $0.amount.minorUnits)
                    })
                for part in payload.allocations { state.settle(part) }
                state.advance -= Money(minorUnits: payload.amount, currency: state.currency)
                events.append(NewEvent(.allocation, valueDate: date, payload: ServicingPayload.encode(payload)))
            }
        }
        let oldest = state.oldestUnpaidDue(on: date)
        let dpd = DaysPastDue.at(date, oldestUnpaidDue: oldest)
        if let penal = rules.penal {
            for row in state.installments {
                if row.dueDate >= date { break }  // instalments run in due-date order
                if row.isSettled { continue }
                var charged = Money.zero(state.currency)
                for charge in state.charges where charge.kind == .penal && charge.installment == row.number {
                    charged += charge.amount
                }
                let rowDPD = DaysPastDue.at(date, oldestUnpaidDue: row.dueDate)
                let amount = try penal.charge(for: row, dpd: rowDPD, chargedSoFar: charged)
                guard amount > .zero(state.currency) else { continue }
                let payload = ChargePayload(kind: .penal, installment: row.number, amount: amount.minorUnits,
                                            reason: "instalment \(row.number) overdue \(rowDPD) days")
                events.append(NewEvent(.charge, valueDate: date, payload: payload.json))
            }
        }
        let hasArrears = oldest != nil
        var next = rules.classification.classify(previous: state.classification, dpd: dpd, hasArrears: hasArrears, on: date)
        if let until = state.observationUntil, date < until, state.classification.assetClass.isNPA, !next.assetClass.isNPA {
            // A restructured loan stays NPA, ageing, until its observation period is over.
            let since = state.classification.npaSince ?? date
            next = Classification(rules.classification.npaClass(since: since, on: date), npaSince: since)
        }
        let accrual = state.accrual(on: date)
        events.append(NewEvent(.accrual, valueDate: date, payload:
            AccrualPayload(amount: accrual.amount.minorUnits, installment: accrual.installment,
                           suspended: next.assetClass.isNPA, dpd: dpd).json))
        if next != state.classification {
            let payload = ClassificationPayload(from: state.classification.assetClass, to: next.assetClass, dpd: dpd,
                                                npaSince: next.npaSince?.iso)
            events.append(NewEvent(.classificationChange, valueDate: date, payload: ServicingPayload.encode(payload)))
        }
        let required = rules.provisioning(for: state.product).provision(for: next.assetClass, outstanding: state.principalOutstanding,
                                                    securityValue: state.securityValue)
        if required != state.provision {
            let payload = ProvisionPayload(assetClass: next.assetClass, required: required.minorUnits,
                                           previous: state.provision.minorUnits)
            events.append(NewEvent(.provision, valueDate: date, payload: ServicingPayload.encode(payload)))
        }
        if state.isFullyPaid {
            events.append(NewEvent(.closure, valueDate: date, payload: ServicingPayload.encode(ClosurePayload(reason: "repaid"))))
        }
        return events
    }
}
