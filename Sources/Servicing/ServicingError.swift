import Ledger
import LoanMath

/// Why a servicing command was refused; nothing was written.
public enum ServicingError: Error, Sendable, Hashable, CustomStringConvertible {
    case loanNotFound(String)
    case loanExists(String)
    /// A field of the command is missing or out of range.
    case invalid(field: String, message: String)
    case notActive(loanID: String, status: LoanStatus)
    /// Day ends run one date after another; `expected` is the next one this loan needs.
    case dayEndOutOfOrder(loanID: String, expected: LocalDate, requested: LocalDate)
    /// A payment dated before the loan's last day end; replay of back-dated payments is not built yet.
    case backDated(loanID: String, valueDate: LocalDate, lastDayEnd: LocalDate)
    /// A payment dated after the loan's current business date: run the day ends up to it first.
    case futureDated(loanID: String, valueDate: LocalDate, businessDate: LocalDate)
    case policyFailed(policy: String, reason: String)
    case ledger(LedgerError)
    case replay(ReplayError)
    case storage(String)

    public var description: String {
        switch self {
        case .loanNotFound(let id): return "loan \(id) does not exist"
        case .loanExists(let id): return "loan \(id) already exists"
        case .invalid(let field, let message): return "\(field): \(message)"
        case .notActive(let id, let status): return "loan \(id) is \(status.rawValue), not active"
        case .dayEndOutOfOrder(let id, let expected, let requested):
            return "loan \(id): the next day end is \(expected.iso), not \(requested.iso); day ends never skip a day"
        case .backDated(let id, let date, let last):
            return "loan \(id): value date \(date.iso) is before the last day end \(last.iso)"
        case .futureDated(let id, let date, let business):
            return "loan \(id): value date \(date.iso) is after the loan's business date \(business.iso)"
        case .policyFailed(let policy, let reason): return "policy \(policy) failed: \(reason)"
        case .ledger(let error): return error.description
        case .replay(let error): return error.description
        case .storage(let message): return message
        }
    }
}
