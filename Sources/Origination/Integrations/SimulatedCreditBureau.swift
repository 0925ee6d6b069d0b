import Catalog
import LoanMath

/// A bureau that answers from a hash of the PAN: the same PAN always gets the same report, with a
/// score from 550 to 900, 0 to 4 accounts and 0 to 5 enquiries. Reserved test PANs give the cases a
/// demo needs (see `TestPANs`).
public final class SimulatedCreditBureau: CreditBureau {
    let faults: FaultInjector

    public init(faults: FaultPlan = .none, timeoutSeconds: Int = 10) {
        self.faults = FaultInjector(faults, kind: .creditBureau, timeoutSeconds: timeoutSeconds)
    }

    /// Calls made so far (tests).
    public var calls: Int { faults.count }

    public func report(for request: BureauRequest) async throws(IntegrationFailure) -> BureauReport {
        try faults.call()
        var referenceDigits = SimulatedValues("bureau-reference|\(request.pan.value)|\(request.enquiryDate.iso)")
        let reference = "SIMBUR-" + referenceDigits.digits(12)
        switch request.pan.value {
        case TestPANs.thinFile:
            return BureauReport(reference: reference, score: -1, accounts: [], enquiriesLast6Months: 0)
        case TestPANs.defaulter:
            return Self.defaulter(reference)
        case TestPANs.bureauDown:
            throw .serverError(.creditBureau, status: 503)
        case TestPANs.bureauTimeout:
            throw .timeout(.creditBureau, afterSeconds: 10)
        default:
            return Self.derived(request.pan, reference: reference)
        }
    }

    static func derived(_ pan: PAN, reference: String) -> BureauReport {
        var values = SimulatedValues(pan.value)
        let score = 550 + values.next(351)
        let kinds = BureauAccount.Kind.allCases
        let accounts = (0..<values.next(5)).map { n -> BureauAccount in
            let sanctionedRupees = Int64(50_000 + values.next(20) * 25_000)
            let outstandingRupees = sanctionedRupees * Int64(values.next(90) + 5) / 100
            let instalmentRupees = max(500, outstandingRupees / Int64(12 + values.next(36)))
            // Higher scores keep payments current; lower ones show some late months.
            let lateMonth = score < 700 ? values.next(12) : -1
            let dpd = (0..<12).map { $0 == lateMonth ? 15 + values.next(16) : 0 }
            return BureauAccount(lender: "Simulated Lender \(n + 1)", kind: kinds[values.next(kinds.count)],
                                 sanctioned: Money(major: sanctionedRupees), outstanding: Money(major: outstandingRupees),
                                 monthlyInstalment: Money(major: instalmentRupees), daysPastDueByMonth: dpd,
                                 writtenOffOrSettled: false)
        }
        return BureauReport(reference: reference, score: score, accounts: accounts, enquiriesLast6Months: values.next(6))
    }

    static func defaulter(_ reference: String) -> BureauReport {
        let overdue = BureauAccount(
            lender: "Simulated Lender 1", kind: .personalLoan, sanctioned: Money(major: 300_000),
            outstanding: Money(major: 212_000), monthlyInstalment: Money(major: 10_400),
            daysPastDueByMonth: [0, 0, 30, 60, 90, 120, 150, 180, 180, 180, 180, 180], writtenOffOrSettled: false)
        let card = BureauAccount(
            lender: "Simulated Lender 2", kind: .creditCard, sanctioned: Money(major: 100_000),
            outstanding: Money(major: 0), monthlyInstalment: Money(major: 0),
            daysPastDueByMonth: Array(repeating: 0, count: 12), writtenOffOrSettled: true)
        return BureauReport(reference: reference, score: 480, accounts: [overdue, card], enquiriesLast6Months: 7)
    }
}
