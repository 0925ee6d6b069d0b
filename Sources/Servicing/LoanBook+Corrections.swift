import Ledger
import LoanMath

extension LoanBook {
    /// Posts a payment value-dated before the loan's last day end: the loan is re-simulated from
    /// its facts with the payment in place, and the difference is recorded as a back-dated
    /// `repayment` and a `restatement` (corrected state and GL difference). History is never edited.
    @discardableResult
    public func repayBackDated(_ loanID: String, amount: Money, on valueDate: LocalDate, reference: String,
                               idempotencyKey: String) throws(ServicingError) -> Outcome {
        let request = "repay|\(amount.minorUnits)|\(amount.currency.code)|\(valueDate.iso)|\(reference)"
        let rules = self.rules
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            guard current.status == .active else { throw .notActive(loanID: loanID, status: current.status) }
            guard amount > .zero(current.currency), amount.currency == current.currency else {
                throw .invalid(field: "amount", message: "must be more than zero, in \(current.currency.code)")
            }
            guard valueDate >= current.disbursementDate else {
                throw .invalid(field: "value_date", message: "is before the disbursement date \(current.disbursementDate.iso)")
            }
            let events = try self.events(loanID)
            var timeline = try LoanTimeline.facts(events)
            timeline.payments.append(.init(amount: amount, valueDate: valueDate, reference: reference))
            let payment = RepaymentPayload(amount: amount.minorUnits, reference: reference, allocations: [], advance: 0,
                                           backDated: true)
            return [NewEvent(.repayment, valueDate: valueDate, payload: ServicingPayload.encode(payment))]
                + (try restatement(of: current, timeline, events: events, from: valueDate, rules: rules,
                                   reason: "payment \(reference) value-dated \(valueDate.iso) posted after its day end"))
        }
    }

    /// Reverses a payment that did not stand (a returned cheque, a recalled debit): the loan is
    /// re-simulated without it and restated.
    @discardableResult
    public func reverse(_ loanID: String, reference: String, reason: String, idempotencyKey: String)
        throws(ServicingError) -> Outcome {
        let rules = self.rules
        return try command(loanID, key: idempotencyKey, request: "reverse|\(reference)|\(reason)") {
            (current) throws(ServicingError) in
            let events = try self.events(loanID)
            var timeline = try LoanTimeline.facts(events)
            guard let index = timeline.payments.firstIndex(where: { $0.reference == reference }) else {
                throw .invalid(field: "reference", message: "no standing payment \(reference) on loan \(loanID)")
            }
            let payment = timeline.payments.remove(at: index)
            let reversal = ReversalPayload(reference: reference, amount: payment.amount.minorUnits, reason: reason)
            return [NewEvent(.reversal, valueDate: current.nextDayEnd, payload: ServicingPayload.encode(reversal))]
                + (try restatement(of: current, timeline, events: events, from: payment.valueDate, rules: rules,
                                   reason: "payment \(reference) reversed: \(reason)"))
        }
    }

    /// The loan's stored events.
    func events(_ loanID: String) throws(ServicingError) -> [LoanEvent] {
        do { return try store.events(loanID: loanID, after: 0) } catch { throw .storage("\(error)") }
    }

    /// The `restatement` taking `current` to what `timeline` gives through the last day end.
    func restatement(of current: LoanState, _ timeline: LoanTimeline, events: [LoanEvent], from: LocalDate,
                     rules: ServicingRules, reason: String) throws(ServicingError) -> [NewEvent] {
        let through = current.lastDayEnd ?? current.disbursementDate.adding(days: -1)
        let (corrected, balances) = try timeline.simulate(through: through, rules: rules)
        let actual: [GLAccount: Int64]
        do { actual = try LoanTimeline.balances(of: events, currency: current.currency) } catch { throw .replay(error) }
        let payload = RestatementPayload(reason: reason, from: from.iso, snapshot: LoanSnapshot(corrected),
                                         gl: LoanTimeline.difference(from: actual, to: balances))
        return [NewEvent(.restatement, valueDate: current.nextDayEnd, payload: ServicingPayload.encode(payload))]
    }
}
