import Ledger
import Servicing

extension Problem {
    /// The problem a refused servicing command answers with: nothing was written. Descriptions name
    /// loans, fields and dates only, never borrower data.
    static func servicing(_ error: ServicingError) -> Problem {
        switch error {
        case .loanNotFound(let id):
            return Problem(
                .notFound, "no such loan", detail: "loan \(id) does not exist",
                errors: [FieldError("id", "no such loan")])
        case .loanExists(let id):
            return Problem(
                .conflict, "loan exists", detail: "loan \(id) already exists",
                errors: [FieldError("loan_id", "already exists")])
        case .invalid(let field, let message):
            return Problem(
                .unprocessableContent, "command refused", detail: error.description,
                errors: [FieldError(jsonField[field] ?? field, message)])
        case .notActive:
            return Problem(.conflict, "loan not active", detail: error.description)
        case .dayEndOutOfOrder, .backDated, .futureDated:
            return Problem(
                .unprocessableContent, "date refused", detail: error.description,
                errors: [FieldError("date", error.description)])
        case .policyFailed:
            return Problem(.unprocessableContent, "policy refused the command", detail: error.description)
        case .ledger(.idempotencyConflict):
            return Problem(.conflict, "idempotency key reused", detail: error.description)
        case .ledger(.concurrencyConflict):
            return Problem(
                .serviceUnavailable, "loan busy", detail: "too many concurrent writers; retry",
                headers: [(.retryAfter, "1")])
        case .ledger, .replay, .storage:
            return Problem(
                .internalServerError, "internal error", detail: "the loan book could not complete the request",
                cause: error.description)
        }
    }
}

/// The request's name for a field the servicing engine names otherwise.
private let jsonField = ["value_date": "date"]

/// Runs a servicing call, turning its refusal into a problem.
func servicing<T>(_ body: () throws(ServicingError) -> T) throws(Problem) -> T {
    switch Result(catching: body) {
    case .success(let value): return value
    case .failure(let error): throw Problem.servicing(error)
    }
}
