import LoanMath

/// Everything about a loan that day ends and payments derive, as stored in a `restatement` event:
/// applying it puts the loan in the state the corrected history gives.
struct LoanSnapshot: Codable, Hashable {
    struct Installment: Codable, Hashable {
        var n: Int
        var start: String
        var due: String
        var principal: Int64
        var interest: Int64
        var principalPaid: Int64
        var interestPaid: Int64
        var accrualBaseDay: Int
        var accrualBase: Int64?
    }

    struct Charge: Codable, Hashable {
        var kind: ChargeKind
        var installment: Int
        var date: String
        var amount: Int64
        var paid: Int64
        var gst: Int64? = nil
        var waived: Int64? = nil
    }

    var installments: [Installment]
    var charges: [Charge]
    var principalRepaid: Int64
    var interestRecognised: Int64
    var interestSuspended: Int64
    var assetClass: AssetClass
    var npaSince: String?
    var identifiedAsLoss: Bool
    var dpd: Int
    var provision: Int64
    var advance: Int64
    var status: LoanStatus
    var observationUntil: String?

    init(_ s: LoanState) {
        installments = s.installments.map {
            Installment(n: $0.number, start: $0.periodStart.iso, due: $0.dueDate.iso, principal: $0.principal.minorUnits,
                        interest: $0.interest.minorUnits, principalPaid: $0.principalPaid.minorUnits,
                        interestPaid: $0.interestPaid.minorUnits, accrualBaseDay: $0.accrualBaseDay,
                        accrualBase: $0.accrualBase?.minorUnits)
        }
        charges = s.charges.map {
            Charge(kind: $0.kind, installment: $0.installment, date: $0.dueDate.iso, amount: $0.amount.minorUnits,
                   paid: $0.paid.minorUnits, gst: $0.gst.minorUnits, waived: $0.waived.minorUnits)
        }
        principalRepaid = s.principalRepaid.minorUnits
        interestRecognised = s.interestRecognised.minorUnits
        interestSuspended = s.interestSuspended.minorUnits
        assetClass = s.classification.assetClass
        npaSince = s.classification.npaSince?.iso
        identifiedAsLoss = s.classification.identifiedAsLoss
        dpd = s.daysPastDue
        provision = s.provision.minorUnits
        advance = s.advance.minorUnits
        status = s.status
        observationUntil = s.observationUntil?.iso
    }
}

extension LoanState {
    /// Puts the derived parts of the loan as `snapshot` has them.
    mutating func restore(_ snapshot: LoanSnapshot) {
        installments = snapshot.installments.map { row in
            var state = Self.installment(.init(n: row.n, start: row.start, due: row.due, principal: row.principal,
                                               interest: row.interest), currency)
            state.principalPaid = money(row.principalPaid)
            state.interestPaid = money(row.interestPaid)
            state.accrualBaseDay = row.accrualBaseDay
            state.accrualBase = row.accrualBase.map(money)
            return state
        }
        charges = snapshot.charges.map {
            ChargeState(kind: $0.kind, installment: $0.installment, dueDate: LocalDate(iso: $0.date) ?? disbursementDate,
                        amount: money($0.amount), paid: money($0.paid), gst: money($0.gst ?? 0),
                        waived: money($0.waived ?? 0))
        }
        principalRepaid = money(snapshot.principalRepaid)
        interestRecognised = money(snapshot.interestRecognised)
        interestSuspended = money(snapshot.interestSuspended)
        classification = Classification(snapshot.assetClass, npaSince: snapshot.npaSince.flatMap(LocalDate.init(iso:)),
                                        identifiedAsLoss: snapshot.identifiedAsLoss)
        daysPastDue = snapshot.dpd
        provision = money(snapshot.provision)
        advance = money(snapshot.advance)
        status = snapshot.status
        observationUntil = snapshot.observationUntil.flatMap(LocalDate.init(iso:))
    }
}
