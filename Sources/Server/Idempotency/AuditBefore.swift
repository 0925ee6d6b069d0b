import Servicing

/// What the audit log records as "before" for a command on a loan: the request's digest and the
/// loan's position read in the command's own transaction, just before it runs.
final class AuditBefore: @unchecked Sendable {
    private var loan: JSONValue?

    /// Reads the loan's position (sequence, status, balances, class) on the command's session.
    func capture(_ session: BookSession, loanID: String?) {
        guard let loanID, let s = try? session.book.state(loanID) else { return }
        loan = JSONValue.object([
            ("loan_id", .string(s.loanID)), ("sequence", .int(Int(s.sequence))), ("status", .string(s.status.rawValue)),
            ("principal_outstanding", .string(s.principalOutstanding.decimalString)),
            ("advance", .string(s.advance.decimalString)), ("dpd", .int(s.daysPastDue)),
            ("asset_class", .string(s.classification.assetClass.rawValue)),
        ])
    }

    /// `{"request_sha256": …, "loan": {…}}`, the loan left out when there was none to read.
    func text(requestHash: String) -> String {
        var members: [(String, JSONValue)] = [("request_sha256", .string(requestHash))]
        if let loan { members.append(("loan", loan)) }
        return JSONValue.object(members).text
    }
}
