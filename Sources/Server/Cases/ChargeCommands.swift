import LoanMath
import Servicing

/// `POST /api/v1/loans/{id}/charges`: a fee or charge posted by operations (never a penal charge:
/// those come from the penal-charge policy at the day end).
enum ChargeCommands {
    static func post(_ call: APICall, _ session: BookSession) throws -> StoredResponse {
        var body = try call.reader()
        let kindText = body.string("kind", maxLength: 16), amount = body.money("amount"), day = body.date("date")
        let gstText = body.string("gst", maxLength: 24), reason = body.string("reason", maxLength: 200)
        let installment = body.integer("installment", in: 0...10_000, required: false) ?? 0
        let kind = kindText.flatMap(ChargeKind.init(rawValue:))
        if kindText != nil, kind == nil || kind == .penal {
            body.refuse("kind", "must be one of bounce, processing, other (penal charges come from the day end)")
        }
        let gst = gstText.flatMap(APIText.money)
        if gstText != nil, gst == nil { body.refuse("gst", "must be rupees as a decimal string, e.g. \"180.00\" or \"0\"") }
        try body.finish()
        guard let kind, let amount, let gst, let day, let reason else { throw Problem.invalid("body", "incomplete") }
        try LoanQueries.requireDisbursed(session, call.loanID, on: day, field: "date")
        let book = session.book, id = call.loanID, key = call.bookKey
        let outcome = try servicing { () throws(ServicingError) in
            try book.postCharge(id, kind: kind, amount: amount, gst: gst, installment: installment, on: day,
                                reason: reason, idempotencyKey: key)
        }
        return StoredResponse(status: 201, body: LoanView.outcome(outcome, on: day).text)
    }
}
