import Catalog
import Rules
import LoanMath
import Servicing

/// The money-moving commands, each reading its body strictly and running on the loan book in the
/// transaction the idempotency key commits in. Any refusal throws a `Problem`: nothing is written.
enum LoanCommands {
    /// `POST /api/v1/loans`: books and disburses a loan from a product and terms, as `loan book` does.
    static func book(_ call: APICall, _ session: BookSession, catalog: Catalog) throws -> StoredResponse {
        var body = try call.reader()
        let id = body.string("loan_id", maxLength: 64)
        let productID = body.string("product", maxLength: 64)
        let principal = body.money("principal", required: false)
        let rate = body.string("rate", required: false, maxLength: 16)
        let tenure = body.integer("tenure", in: 1...600, required: false)
        let disbursed = body.date("disbursement_date")
        let security = body.money("security_value", required: false)
        let product = productID.flatMap { catalog.product($0) }
        if let productID, product == nil { body.refuse("product", "no product `\(productID)`") }
        try body.finish()
        guard let id, let productID, let product, let disbursed else { throw Problem.invalid("body", "incomplete") }
        let overrides = [
            ("principal", principal?.decimalString), ("rate", rate), ("tenure", tenure.map(String.init)),
            ("disbursement_date", disbursed.iso),
        ]
        .compactMap { key, value in value.map { TermsOverride(key: key, text: $0, flag: key) } }
        let terms: LoanTerms
        do { terms = try TermsResolver.resolve(product: product, terms: nil, overrides: overrides) } catch {
            throw Problem(
                .unprocessableContent, "terms refused", detail: "the terms do not fit the product",
                errors: termErrors(error.diagnostics))
        }
        let schedule: Schedule
        do { schedule = try ScheduleEngine.schedule(for: terms) } catch {
            throw Problem(.unprocessableContent, "terms refused", detail: "no schedule for these terms: \(error)")
        }
        let booking = LoanBooking(
            loanID: id, product: productID, schedule: schedule, securityValue: security ?? .zero())
        let book = session.book, key = call.bookKey
        let outcome = try servicing { () throws(ServicingError) in try book.activate(booking, idempotencyKey: key) }
        return StoredResponse(status: 201, body: LoanView.outcome(outcome, on: disbursed).text)
    }

    /// `POST /api/v1/loans/{id}/repayments`.
    static func repay(_ call: APICall, _ session: BookSession) throws -> StoredResponse {
        let (amount, day, reference) = try payment(call)
        try LoanQueries.requireDisbursed(session, call.loanID, on: day, field: "date")
        let book = session.book, id = call.loanID, key = call.bookKey
        let outcome = try servicing { () throws(ServicingError) in
            try book.repay(id, amount: amount, on: day, reference: reference, idempotencyKey: key)
        }
        return StoredResponse(status: 201, body: LoanView.outcome(outcome, on: day).text)
    }

    /// `POST /api/v1/loans/{id}/prepayments`.
    static func prepay(_ call: APICall, _ session: BookSession) throws -> StoredResponse {
        var body = try call.reader()
        let amount = body.money("amount"), day = body.date("date"), reference = body.string("reference")
        let effectText = body.string("effect", required: false, maxLength: 32)
        let effect = effectText.map { PrepaymentEffect(rawValue: $0) } ?? .reduceInstallment
        if effect == nil {
            body.refuse("effect", "must be one of \(PrepaymentEffect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try body.finish()
        guard let amount, let day, let reference, let effect else { throw Problem.invalid("body", "incomplete") }
        try LoanQueries.requireDisbursed(session, call.loanID, on: day, field: "date")
        let book = session.book, id = call.loanID, key = call.bookKey
        let outcome = try servicing { () throws(ServicingError) in
            try book.prepay(id, amount: amount, on: day, reference: reference, effect: effect, idempotencyKey: key)
        }
        return StoredResponse(status: 201, body: LoanView.outcome(outcome, on: day).text)
    }

    /// `POST /api/v1/loans/{id}/foreclosure`: pays the loan off at its quote.
    static func foreclose(_ call: APICall, _ session: BookSession) throws -> StoredResponse {
        let (amount, day, reference) = try payment(call)
        try LoanQueries.requireDisbursed(session, call.loanID, on: day, field: "date")
        let book = session.book, id = call.loanID, key = call.bookKey
        let outcome = try servicing { () throws(ServicingError) in
            try book.foreclose(id, amount: amount, on: day, reference: reference, idempotencyKey: key)
        }
        return StoredResponse(status: 201, body: LoanView.outcome(outcome, on: day).text)
    }

    /// The terms' errors by field: a diagnostic at a field names it; one in a configuration file (a
    /// product limit) is reported under `product`.
    static func termErrors(_ diagnostics: [Diagnostic]) -> [FieldError] {
        diagnostics.filter { $0.severity == .error }.map { d in
            d.location.isCommandLine ? FieldError(d.location.file, d.message) : FieldError("product", d.message)
        }
    }

    /// `amount`, `date` and `reference` of a payment body, and nothing else.
    static func payment(_ call: APICall) throws -> (Money, LocalDate, String) {
        var body = try call.reader()
        let amount = body.money("amount"), day = body.date("date"), reference = body.string("reference")
        try body.finish()
        guard let amount, let day, let reference else { throw Problem.invalid("body", "incomplete") }
        return (amount, day, reference)
    }
}
