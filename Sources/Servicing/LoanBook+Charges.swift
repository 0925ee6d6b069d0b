import Ledger
import LoanMath

extension LoanBook {
    /// Posts a fee or charge (not a penal charge) with the GST invoiced on it.
    @discardableResult
    public func postCharge(_ loanID: String, kind: ChargeKind, amount: Money, gst: Money, installment: Int = 0,
                           on date: LocalDate, reason: String, idempotencyKey: String) throws(ServicingError) -> Outcome {
        let request = "charge|\(kind.rawValue)|\(amount.minorUnits)|\(gst.minorUnits)|\(installment)|\(date.iso)|\(reason)"
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            try LoanDecisions.postCharge(current, kind: kind, amount: amount, gst: gst, installment: installment,
                                         on: date, reason: reason)
        }
    }

    /// Forgives `amount` of the loan's unpaid charges (of `kind`, of `installment`, when given), as
    /// approved by `approvedBy`. Maker-checker is the caller's duty (the server's workflow case).
    @discardableResult
    public func waive(_ loanID: String, amount: Money, kind: ChargeKind? = nil, installment: Int? = nil,
                      on date: LocalDate, reason: String, approvedBy: [String], idempotencyKey: String)
        throws(ServicingError) -> Outcome {
        let request = "waive|\(amount.minorUnits)|\(kind?.rawValue ?? "any")|\(installment.map(String.init) ?? "any")|"
            + "\(date.iso)|\(reason)|\(approvedBy.joined(separator: ","))"
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            try LoanDecisions.waive(current, amount: amount, kind: kind, installment: installment, on: date,
                                    reason: reason, approvedBy: approvedBy)
        }
    }
}
