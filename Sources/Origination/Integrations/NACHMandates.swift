import LoanMath

/// NPCI's NACH: registers a borrower's debit mandate with their bank; an accepted mandate has a
/// unique mandate reference number (UMRN) used on every collection.
public protocol NACHMandateService: Sendable {
    func register(_ request: MandateRequest) async throws(IntegrationFailure) -> MandateRegistration
}

/// The mandate a borrower signs.
public struct MandateRequest: Sendable, Hashable {
    public var loanID: String
    public var account: BankAccount
    /// The most one debit may take.
    public var maximumAmount: Money
    public var firstCollection: LocalDate
    public var lastCollection: LocalDate
    public var idempotencyKey: String

    public init(loanID: String, account: BankAccount, maximumAmount: Money, firstCollection: LocalDate,
                lastCollection: LocalDate, idempotencyKey: String) {
        self.loanID = loanID
        self.account = account
        self.maximumAmount = maximumAmount
        self.firstCollection = firstCollection
        self.lastCollection = lastCollection
        self.idempotencyKey = idempotencyKey
    }
}

/// The bank's answer.
public struct MandateRegistration: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case active
        /// The borrower's bank refused it (e.g. the account does not take debits).
        case rejected
    }

    /// 20 characters; nil when rejected.
    public var umrn: String?
    public var status: Status
}

/// Accepts every mandate on an account not ending `0000` (those are refused, as the penny drop finds
/// no such account); the UMRN depends only on the idempotency key.
public final class SimulatedNACHMandates: NACHMandateService {
    let faults: FaultInjector

    public init(faults: FaultPlan = .none, timeoutSeconds: Int = 10) {
        self.faults = FaultInjector(faults, kind: .nachMandate, timeoutSeconds: timeoutSeconds)
    }

    public func register(_ request: MandateRequest) async throws(IntegrationFailure) -> MandateRegistration {
        try faults.call()
        guard request.firstCollection <= request.lastCollection else {
            throw .rejected(.nachMandate, reason: "the first collection is after the last one")
        }
        guard request.maximumAmount > .zero(request.maximumAmount.currency) else {
            throw .rejected(.nachMandate, reason: "the maximum amount must be more than zero")
        }
        if request.account.number.digits.hasSuffix("0000") { return MandateRegistration(umrn: nil, status: .rejected) }
        var values = SimulatedValues("umrn|\(request.idempotencyKey)")
        return MandateRegistration(umrn: request.account.ifsc.bankCode + values.digits(16), status: .active)
    }
}
