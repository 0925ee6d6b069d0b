import Ledger
import LoanMath
import Servicing

/// Loans, events and quotes as the API's JSON: amounts as exact decimal strings, dates ISO.
enum LoanView {
    static func money(_ amount: Money) -> JSONValue { .string(amount.decimalString) }
    static func date(_ day: LocalDate?) -> JSONValue { day.map { .string($0.iso) } ?? .null }

    /// The loan at the end of `on`: balances, classification, DPD, the schedule with each row's
    /// standing, charges and its most recent events.
    static func loan(_ s: LoanState, on day: LocalDate, recent: [LoanEvent]) -> JSONValue {
        .object([
            ("loan_id", .string(s.loanID)), ("product", .string(s.product)), ("status", .string(s.status.rawValue)),
            ("as_of", date(day)), ("currency", .string(s.currency.code)), ("principal", money(s.principal)),
            ("principal_outstanding", money(s.principalOutstanding)), ("arrears", money(s.arrears(on: day))),
            ("interest_recognised", money(s.interestRecognised)), ("interest_suspended", money(s.interestSuspended)),
            ("advance", money(s.advance)), ("days_past_due", .int(s.daysPastDue)),
            ("asset_class", .string(s.classification.assetClass.rawValue)),
            ("npa_since", date(s.classification.npaSince)),
            ("provision", money(s.provision)), ("last_day_end", date(s.lastDayEnd)),
            ("schedule", .array(s.installments.map { row(s, $0, on: day) })),
            ("charges", .array(s.charges.map(charge))),
            ("recent_events", .array(recent.map(eventSummary))),
        ])
    }

    static func row(_ s: LoanState, _ row: InstallmentState, on day: LocalDate) -> JSONValue {
        let standing = row.isSettled ? "paid" : row.dueDate < day ? "overdue" : row.dueDate == day ? "due" : "upcoming"
        return .object([
            ("installment", .int(row.number)), ("due_date", date(row.dueDate)), ("principal", money(row.principal)),
            ("interest", money(row.interest)), ("total", money(row.principal + row.interest)),
            ("principal_paid", money(row.principalPaid)), ("interest_paid", money(row.interestPaid)),
            ("status", .string(standing)),
        ])
    }

    static func charge(_ c: ChargeState) -> JSONValue {
        .object([
            ("kind", .string(c.kind.rawValue)), ("installment", .int(c.installment)), ("date", date(c.dueDate)),
            ("amount", money(c.amount)), ("paid", money(c.paid)), ("waived", money(c.waived)),
        ])
    }

    /// An event without its payload (the loan view's recent events; `/events` has the payloads).
    static func eventSummary(_ e: LoanEvent) -> JSONValue {
        .object([
            ("sequence", .int(Int(e.sequence))), ("type", .string(e.type.rawValue)), ("value_date", date(e.valueDate)),
        ])
    }

    /// An event as stored; its payload is the ledger's own JSON (amounts there in paise).
    static func event(_ e: LoanEvent) -> JSONValue {
        .object([
            ("sequence", .int(Int(e.sequence))), ("type", .string(e.type.rawValue)), ("value_date", date(e.valueDate)),
            ("catalog_version", .string(e.catalogVersion)), ("payload", JSONValue(jsonText: e.payload)),
        ])
    }

    static func quote(_ loanID: String, _ q: ForeclosureQuote) -> JSONValue {
        .object([
            ("loan_id", .string(loanID)), ("date", date(q.asOf)), ("principal", money(q.principal)),
            ("interest_due", money(q.interestDue)), ("interest_accrued", money(q.interestAccrued)),
            ("charges", money(q.charges)), ("foreclosure_charge", money(q.foreclosureCharge)),
            ("advance", money(q.advance)), ("total", money(q.total)),
        ])
    }

    static func statement(_ st: LoanStatement) -> JSONValue {
        func position(_ p: LoanStatement.Position) -> JSONValue {
            .object([
                ("date", date(p.date)), ("principal_outstanding", money(p.principalOutstanding)),
                ("arrears", money(p.arrears)), ("asset_class", .string(p.assetClass.rawValue)),
                ("days_past_due", .int(p.daysPastDue)),
            ])
        }
        return .object([
            ("loan_id", .string(st.loanID)), ("opening", position(st.opening)), ("closing", position(st.closing)),
            (
                "lines",
                .array(
                    st.lines.map {
                        .object([
                            ("date", date($0.date)), ("description", .string($0.description)),
                            ("debit", money($0.debit)),
                            ("credit", money($0.credit)),
                        ])
                    })
            ),
            ("total_paid", money(st.totalPaid)),
        ])
    }

    /// What a command did: the loan after it and the events it wrote.
    static func outcome(_ o: LoanBook.Outcome, on day: LocalDate) -> JSONValue {
        .object([("loan", loan(o.state, on: day, recent: [])), ("events", .array(o.events.map(event)))])
    }
}
