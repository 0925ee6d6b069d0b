import Ledger
import LoanMath

/// A stored event that cannot be applied: a corrupt or foreign payload.
public struct ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    public let loanID: String
    public let sequence: Int64
    public let reason: String

    public var description: String { "loan \(loanID) event \(sequence): \(reason)" }
}

extension LoanState {
    /// The state after the loan's events, in order; the first must be `activate`.
    public static func replay(_ events: [LoanEvent]) throws(ReplayError) -> LoanState? {
        guard let first = events.first else { return nil }
        guard first.type == .activate else {
            throw ReplayError(loanID: first.loanID, sequence: first.sequence, reason: "the first event is not activate")
        }
        var state = try LoanState(first)
        for event in events.dropFirst() { try state.apply(event) }
        return state
    }

    init(_ event: LoanEvent) throws(ReplayError) {
        let payload = try Self.flatPayload(ActivatePayload.self, event)
        self.init(activation: payload, loanID: event.loanID, catalogVersion: event.catalogVersion)
        sequence = event.sequence
    }

    static func payload<T: Decodable>(_ type: T.Type, _ event: LoanEvent) throws(ReplayError) -> T {
        do {
            return try ServicingPayload.decode(type, event.payload)
        } catch {
            throw ReplayError(loanID: event.loanID, sequence: event.sequence,
                              reason: "\(event.type.rawValue) payload does not decode: \(error)")
        }
    }

    /// A payload read by its flat reader when it can (the payloads every loan has daily or from its
    /// booking), by the general decoder otherwise.
    static func flatPayload<T: FlatPayload>(_ type: T.Type, _ event: LoanEvent) throws(ReplayError) -> T {
        if let fast = T(json: event.payload) { return fast }
        return try payload(T.self, event)
    }

    /// An accrual's payload (one a loan a day).
    static func accrualPayload(_ event: LoanEvent) throws(ReplayError) -> AccrualPayload {
        try flatPayload(AccrualPayload.self, event)
    }

    /// A charge's payload (one an overdue loan a day).
    static func chargePayload(_ event: LoanEvent) throws(ReplayError) -> ChargePayload {
        try flatPayload(ChargePayload.self, event)
    }

    func money(_ paise: Int64) -> Money { Money(minorUnits: paise, currency: currency) }

    /// Applies one event. Events of types this version does not act on only advance the sequence.
    public mutating func apply(_ event: LoanEvent) throws(ReplayError) {
        switch event.type {
        case .accrual:
            let p = try Self.accrualPayload(event)
            if p.suspended { interestSuspended += money(p.amount) } else { interestRecognised += money(p.amount) }
            lastDayEnd = event.valueDate
            daysPastDue = p.dpd
        case .repayment:
            let p = try Self.payload(RepaymentPayload.self, event)
            guard p.backDated != true else { break }
            for part in p.allocations { settle(part) }
            advance += money(p.advance)
        case .restatement:
            restore(try Self.payload(RestatementPayload.self, event).snapshot)
        case .allocation:
            let p = try Self.payload(AllocationPayload.self, event)
            for part in p.allocations { settle(part) }
            advance -= money(p.amount)
        case .charge:
            let p = try Self.chargePayload(event)
            charges.append(ChargeState(kind: p.kind, installment: p.installment, dueDate: event.valueDate,
                                       amount: money(p.amount + (p.gst ?? 0)), paid: money(0), gst: money(p.gst ?? 0),
                                       waived: money(0)))
        case .bounce:
            bounces += 1
        case .classificationChange:
            let p = try Self.payload(ClassificationPayload.self, event)
            classification = Classification(p.to, npaSince: p.npaSince.flatMap(LocalDate.init(iso:)),
                                            identifiedAsLoss: p.to == .loss)
            daysPastDue = p.dpd
        case .provision:
            let p = try Self.flatPayload(ProvisionPayload.self, event)
            provision = money(p.required)
        case .disburse:
            applyDisbursement(try Self.flatPayload(DisbursePayload.self, event))
        case .prepayment:
            applyPrepayment(try Self.payload(PrepaymentPayload.self, event))
        case .foreclosureCompleted:
            applyForeclosure(try Self.payload(ForeclosurePayload.self, event), on: event.valueDate)
        case .restructure:
            applyRestructure(try Self.payload(RestructurePayload.self, event), on: event.valueDate)
        case .writeoff:
            applyWriteOff(try Self.payload(WriteOffPayload.self, event), settled: false)
        case .settlement:
            applyWriteOff(try Self.payload(WriteOffPayload.self, event), settled: true)
        case .recoveryPostWriteoff:
            recovered += money(try Self.payload(RecoveryPayload.self, event).amount)
        case .closure:
            status = .closed
            closureReason = try Self.payload(ClosurePayload.self, event).reason
        case .waiver:
            applyWaiver(try Self.payload(WaiverPayload.self, event))
        case .nocIssued:
            nocNumber = try Self.payload(NOCPayload.self, event).number
        default:
            break
        }
        sequence = event.sequence
    }

    /// Applies one allocation of a repayment to the instalment or charge it settles.
    mutating func settle(_ part: RepaymentPayload.Part) {
        let amount = money(part.amount)
        switch part.component {
        case .interest:
            if let i = installments.firstIndex(where: { $0.number == part.installment }) {
                installments[i].interestPaid += amount
            }
        case .principal:
            if let i = installments.firstIndex(where: { $0.number == part.installment }) {
                installments[i].principalPaid += amount
            }
            principalRepaid += amount
        case .penal, .fees:
            var left = amount
            for i in charges.indices where left > .zero(currency) && charges[i].kind.component == part.component
                && charges[i].installment == part.installment && charges[i].dueDate.iso == part.due {
                let paid = Money.min(left, charges[i].unpaid)
                charges[i].paid += paid
                left -= paid
            }
        }
    }
}
