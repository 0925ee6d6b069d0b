import Ledger
import LoanMath

/// A loan's history as the facts that came from outside (booking, payments, reversals, bounce
/// charges) and the derived events the rules produce from them. Re-simulating the facts under the
/// rules gives the loan as it should stand: what a back-dated payment or a reversal is compared with.
struct LoanTimeline {
    /// A payment as received: amount, value date, reference, and whether it was posted back-dated.
    struct Payment: Hashable {
        var amount: Money
        var valueDate: LocalDate
        var reference: String
    }

    var activation: LoanEvent
    var payments: [Payment] = []
    /// Part-prepayments with what each did to the schedule.
    var prepayments: [(payment: Payment, effect: PrepaymentEffect)] = []
    /// Tranches paid out after the booking.
    var tranches: [Payment] = []
    /// Charges levied from outside the day end (bounce charges), with their value dates.
    var externalCharges: [LoanEvent] = []

    /// The facts among `events`; payments later reversed are left out.
    init(_ events: [LoanEvent]) throws(ReplayError) {
        guard let first = events.first, first.type == .activate else {
            throw ReplayError(loanID: events.first?.loanID ?? "", sequence: 1, reason: "the first event is not activate")
        }
        activation = first
        let currency = try LoanState(first).currency
        var reversed: Set<String> = []
        for event in events where event.type == .reversal {
            reversed.insert(try LoanState.payload(ReversalPayload.self, event).reference)
        }
        if let event = events.first(where: { [.restructure, .writeoff, .settlement, .waiver].contains($0.type) }) {
            throw ReplayError(loanID: first.loanID, sequence: event.sequence,
                              reason: "the loan was \(event.type.rawValue) on \(event.valueDate.iso); a correction before it "
                                  + "cannot be re-simulated here: post it on the current date")
        }
        for event in events {
            switch event.type {
            case .repayment:
                let p = try LoanState.payload(RepaymentPayload.self, event)
                guard !reversed.contains(p.reference) else { continue }
                payments.append(Payment(amount: Money(minorUnits: p.amount, currency: currency), valueDate: event.valueDate,
                                        reference: p.reference))
            case .prepayment:
                let p = try LoanState.payload(PrepaymentPayload.self, event)
                prepayments.append((Payment(amount: Money(minorUnits: p.amount, currency: currency),
                                            valueDate: event.valueDate, reference: p.reference), p.effect))
            case .disburse:
                let p = try LoanState.payload(DisbursePayload.self, event)
                guard p.schedule != nil else { continue }
                tranches.append(Payment(amount: Money(minorUnits: p.amount, currency: currency), valueDate: event.valueDate,
                                        reference: p.reference ?? ""))
            case .charge:
                let p = try LoanState.chargePayload(event)
                if p.kind != .penal { externalCharges.append(event) }
            default:
                break
            }
        }
    }

    /// The facts among `events`, as a servicing error.
    static func facts(_ events: [LoanEvent]) throws(ServicingError) -> LoanTimeline {
        do { return try LoanTimeline(events) } catch { throw .replay(error) }
    }

    /// The loan re-simulated from its facts, with day ends through `through`, and the GL balances
    /// (per account, net debit in paise) its events post.
    func simulate(through: LocalDate, rules: ServicingRules) throws(ServicingError)
        -> (state: LoanState, balances: [GLAccount: Int64]) {
        var state: LoanState
        do { state = try LoanState(activation) } catch { throw .replay(error) }
        var balances: [GLAccount: Int64] = [:]
        let loanID = activation.loanID
        func record(_ new: [NewEvent], on date: LocalDate) throws(ServicingError) {
            for event in new {
                let stored = LoanEvent(loanID: loanID, sequence: state.sequence + 1, type: event.type, valueDate: event.valueDate,
                                       recordedAt: 0, idempotencyKey: "", catalogVersion: state.catalogVersion,
                                       payload: event.payload)
                do {
                    try state.apply(stored)
                    for line in try GLPostings.lines(for: stored, currency: state.currency) {
                        balances[line.account, default: 0] += line.debit.minorUnits - line.credit.minorUnits
                    }
                } catch { throw .replay(error) }
            }
        }
        let principal = state.principal.minorUnits
        balances[.loanPrincipal, default: 0] += principal
        balances[.bank, default: 0] -= principal
        var day = state.disbursementDate
        while day <= through.adding(days: 1), state.status == .active {
            for tranche in tranches where tranche.valueDate == day {
                try record(try LoanDecisions.disburseTranche(state, amount: tranche.amount, on: day,
                                                             reference: tranche.reference), on: day)
            }
            for payment in payments where payment.valueDate == day {
                try record(try LoanDecisions.repay(state, amount: payment.amount, on: day, reference: payment.reference,
                                                   rules: rules), on: day)
            }
            for (payment, effect) in prepayments where payment.valueDate == day {
                try record(try LoanDecisions.prepay(state, amount: payment.amount, on: day, reference: payment.reference,
                                                    effect: effect, rules: rules), on: day)
            }
            for charge in externalCharges where charge.valueDate == day {
                try record([NewEvent(charge.type, valueDate: day, payload: charge.payload)], on: day)
            }
            guard day <= through, state.status == .active else { break }
            try record(try LoanDecisions.dayEnd(state, on: day, rules: rules), on: day)
            day = day.adding(days: 1)
        }
        return (state, balances)
    }

    /// GL balances (net debit per account) the stored `events` posted.
    static func balances(of events: [LoanEvent], currency: Currency) throws(ReplayError) -> [GLAccount: Int64] {
        var balances: [GLAccount: Int64] = [:]
        for event in events {
            for line in try GLPostings.lines(for: event, currency: currency) {
                balances[line.account, default: 0] += line.debit.minorUnits - line.credit.minorUnits
            }
        }
        return balances
    }

    /// The lines that take `actual` balances to `corrected` ones; balanced when both are.
    static func difference(from actual: [GLAccount: Int64], to corrected: [GLAccount: Int64]) -> [RestatementPayload.Line] {
        GLAccount.allCases.compactMap { account in
            let change = (corrected[account] ?? 0) - (actual[account] ?? 0)
            guard change != 0 else { return nil }
            return RestatementPayload.Line(account: account, debit: max(change, 0), credit: max(-change, 0))
        }
    }
}
