import LoanMath

/// A payment rail that pays a loan out (NEFT, RTGS, IMPS) and returns the bank's unique transaction
/// reference (UTR).
public protocol DisbursementRail: Sendable {
    func pay(_ instruction: DisbursementInstruction) async throws(IntegrationFailure) -> DisbursementReceipt
}

/// What to pay, to whom, once: the idempotency key makes a repeated instruction return the first receipt.
public struct DisbursementInstruction: Sendable, Hashable {
    public var loanID: String
    public var amount: Money
    public var account: BankAccount
    /// The business date the money should reach the borrower.
    public var valueDate: LocalDate
    public var idempotencyKey: String

    public init(loanID: String, amount: Money, account: BankAccount, valueDate: LocalDate, idempotencyKey: String) {
        self.loanID = loanID
        self.amount = amount
        self.account = account
        self.valueDate = valueDate
        self.idempotencyKey = idempotencyKey
    }
}

/// The rail's confirmation.
public struct DisbursementReceipt: Sendable, Hashable {
    /// The unique transaction reference: 16 characters for NEFT.
    public var utr: String
    public var amount: Money
    public var valueDate: LocalDate
}

/// Pays every instruction for a positive amount; the UTR has NEFT's shape (bank code, `N`, the
/// year's last two digits, the day of the year, six digits) and depends only on the idempotency key
/// and value date, so a retried instruction gets the same UTR.
public final class SimulatedDisbursementRail: DisbursementRail {
    let faults: FaultInjector

    public init(faults: FaultPlan = .none, timeoutSeconds: Int = 30) {
        self.faults = FaultInjector(faults, kind: .disbursement, timeoutSeconds: timeoutSeconds)
    }

    public func pay(_ instruction: DisbursementInstruction) async throws(IntegrationFailure) -> DisbursementReceipt {
        try faults.call()
        guard instruction.amount > .zero(instruction.amount.currency) else {
            throw .rejected(.disbursement, reason: "the amount must be more than zero")
        }
        var values = SimulatedValues("utr|\(instruction.idempotencyKey)")
        let date = instruction.valueDate
        let dayOfYear = (LocalDate(year: date.year, month: 1, day: 1).map { $0.days(until: date) } ?? 0) + 1
        let julian = String(date.year % 100).leftPadded(2) + String(dayOfYear).leftPadded(3)
        return DisbursementReceipt(utr: "LNDLN" + julian + values.digits(6), amount: instruction.amount,
                                   valueDate: date)
    }
}

extension String {
    /// The text with zeros in front up to `width` characters.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
