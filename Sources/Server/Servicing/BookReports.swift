import Ledger
import LoanMath
import Servicing

/// The book-wide operations: day end (run and status) and the trial balance.
enum BookReports {
    /// `POST /api/v1/eod`: every active loan's day ends through `date`, never skipping a day.
    static func runDayEnd(_ call: APICall, _ session: BookSession) throws -> StoredResponse {
        var body = try call.reader()
        let through = body.date("date")
        try body.finish()
        guard let through else { throw Problem.invalid("date", "is required") }
        if let earliest = try earliestDayEnd(session.store), earliest.days(until: through) >= maxDays {
            throw Problem(
                .unprocessableContent, "day end too far ahead",
                detail:
                    "one run may close at most \(maxDays) days; the earliest loan's next day end is \(earliest.iso)",
                errors: [FieldError("date", "more than \(maxDays) days after \(earliest.iso)")])
        }
        let book = session.book
        let report = try servicing { () throws(ServicingError) in try book.runDayEnd(through: through) }
        let failures: [JSONValue] = report.failures.keys.sorted().map { id in
            .object([("loan_id", .string(id)), ("reason", .string(report.failures[id]!))])
        }
        let json: JSONValue = .object([
            ("through", .string(through.iso)), ("loans", .int(report.loans)), ("loan_days", .int(report.loanDays)),
            ("events", .int(report.events)), ("failures", .array(failures)),
        ])
        return StoredResponse(status: 200, body: json.text)
    }

    /// Most business days one `POST /api/v1/eod` may close (it runs inside one request's transaction).
    static let maxDays = 366

    /// The next day end of the active loan furthest behind.
    static func earliestDayEnd(_ store: any EventStore) throws -> LocalDate? {
        let row = try store.read("SELECT MIN(next_day_end) FROM loan_account WHERE status = 'active'", []).first
        guard let row, !row.isNull(0) else { return nil }
        return LocalDate(iso: row.text(0))
    }

    /// `GET /api/v1/eod`: the last business date every active loan's day end has closed.
    static func dayEndStatus(_ store: any EventStore) throws -> JSONValue {
        let row = try store.read(
            """
            SELECT COUNT(*), MIN(next_day_end), MAX(next_day_end) FROM loan_account WHERE status = 'active'
            """, []
        ).first
        func closed(_ index: Int) -> JSONValue {
            guard let row, !row.isNull(index), let next = LocalDate(iso: row.text(index)) else { return .null }
            return .string(next.adding(days: -1).iso)
        }
        return .object([
            ("active_loans", .int(Int(row?.int64(0) ?? 0))), ("last_business_date_closed", closed(1)),
            ("latest_business_date_closed", closed(2)),
        ])
    }

    /// `GET /api/v1/trial-balance`: debits and credits per GL account through `date` (all dates
    /// when none), with the totals, which are equal.
    static func trialBalance(_ session: BookSession, through date: LocalDate?) throws -> JSONValue {
        let filter = date == nil ? "" : "WHERE value_date <= ?"
        let values: [SQLValue?] = date.map { [.text($0.iso)] } ?? []
        let rows = try session.store.read(
            """
            SELECT account, SUM(debit), SUM(credit) FROM gl_entry \(filter) GROUP BY account ORDER BY account
            """, values)
        var roles: [String: [String]] = [:]
        for (role, code) in session.book.rules.chart { roles[code, default: []].append("\(role)") }
        var debits: Int64 = 0, credits: Int64 = 0
        let accounts: [JSONValue] = rows.map { row in
            let (debit, credit) = (row.int64(1), row.int64(2))
            debits += debit
            credits += credit
            return .object([
                ("account", .string(row.text(0))),
                ("roles", .array((roles[row.text(0)] ?? []).sorted().map(JSONValue.string))),
                ("debit", amount(debit)), ("credit", amount(credit)), ("balance", amount(debit - credit)),
            ])
        }
        return .object([
            ("date", date.map { .string($0.iso) } ?? .null), ("accounts", .array(accounts)),
            ("total_debit", amount(debits)), ("total_credit", amount(credits)),
            ("balanced", .bool(debits == credits)),
        ])
    }

    static func amount(_ paise: Int64) -> JSONValue { .string(Money(minorUnits: paise).decimalString) }
}
