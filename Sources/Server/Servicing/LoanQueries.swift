import Ledger
import LoanMath
import Servicing

/// Reading one loan on a session: its state (now or as of a date), events and derived documents.
enum LoanQueries {
    static let recentEvents: Int64 = 10

    /// Refuses a date before the loan was disbursed (422 naming `field`); 404 for an unknown loan.
    static func requireDisbursed(_ session: BookSession, _ id: String, on day: LocalDate, field: String) throws {
        let book = session.book
        guard let state = try servicing({ () throws(ServicingError) in try book.state(id) }) else {
            throw Problem.servicing(.loanNotFound(id))
        }
        guard day >= state.disbursementDate else {
            throw Problem(
                .unprocessableContent, "date before disbursement",
                detail: "loan \(id) was disbursed on \(state.disbursementDate.iso)",
                errors: [FieldError(field, "is before the disbursement date \(state.disbursementDate.iso)")])
        }
    }

    static func view(_ session: BookSession, _ id: String, asOf: LocalDate?) throws -> JSONValue {
        if let asOf { try requireDisbursed(session, id, on: asOf, field: "asOf") }
        let book = session.book
        let found = try servicing { () throws(ServicingError) -> LoanState? in
            if let asOf { return try book.state(id, asOf: asOf) }
            return try book.state(id)
        }
        guard let state = found else { throw Problem.servicing(.loanNotFound(id)) }
        let day = asOf ?? state.lastDayEnd ?? state.disbursementDate
        let recent = try session.store.events(loanID: id, after: max(0, state.sequence - recentEvents))
            .filter { $0.sequence <= state.sequence }
        return LoanView.loan(state, on: day, recent: recent.reversed())
    }

    static func events(_ session: BookSession, _ id: String, after: Int64, limit: Int) throws -> JSONValue {
        guard try session.store.lastSequence(loanID: id) > 0 else { throw Problem.servicing(.loanNotFound(id)) }
        let events = try session.store.events(loanID: id, after: after).prefix(limit)
        let next: JSONValue = events.count == limit ? .string(String(events.last!.sequence)) : .null
        return .object([
            ("loan_id", .string(id)), ("events", .array(events.map(LoanView.event))), ("next_cursor", next),
        ])
    }

    static func quote(_ session: BookSession, _ id: String, on day: LocalDate) throws -> JSONValue {
        try requireDisbursed(session, id, on: day, field: "date")
        let book = session.book
        guard let state = try servicing({ () throws(ServicingError) in try book.state(id) }) else {
            throw Problem.servicing(.loanNotFound(id))
        }
        return LoanView.quote(id, state.foreclosureQuote(on: day))
    }

    static func statement(_ session: BookSession, _ id: String, from: LocalDate, to: LocalDate) throws -> JSONValue {
        try requireDisbursed(session, id, on: to, field: "to")
        let book = session.book
        return LoanView.statement(
            try servicing { () throws(ServicingError) in try book.statement(id, from: from, to: to) })
    }
}
