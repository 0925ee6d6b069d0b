import Catalog
import Hummingbird
import Identity

/// The servicing routes that write: booking, repayments, prepayments, foreclosure and the day end.
/// Each needs an `Idempotency-Key`.
struct LoanCommandRoutes {
    let registry: CatalogRegistry

    var routes: [APIRoute] {
        let registry = registry, id = LoanReadRoutes.id
        return [
            APIRoute(
                method: .post, path: "/api/v1/loans", permission: .loansBook,
                summary: "Book and disburse a loan on a product's terms",
                requestSchema: LoanSchemas.booking(products: registry.current.products.keys.sorted()),
                responseSchema: LoanSchemas.outcome, successStatus: .created,
                handler: .command { call, session in
                    try LoanCommands.book(call, session, catalog: registry.current)
                }),
            APIRoute(
                method: .post, path: "/api/v1/loans/{id}/repayments", permission: .repaymentsPost,
                summary: "Post a repayment", parameters: [id], requestSchema: LoanSchemas.payment,
                responseSchema: LoanSchemas.outcome, successStatus: .created,
                handler: .command(LoanCommands.repay)),
            APIRoute(
                method: .post, path: "/api/v1/loans/{id}/prepayments", permission: .prepaymentsPost,
                summary: "Post a part-prepayment and re-amortise", parameters: [id],
                requestSchema: LoanSchemas.prepayment, responseSchema: LoanSchemas.outcome, successStatus: .created,
                handler: .command(LoanCommands.prepay)),
            APIRoute(
                method: .post, path: "/api/v1/loans/{id}/foreclosure", permission: .foreclosuresPost,
                summary: "Pay the loan off at its foreclosure quote", parameters: [id],
                requestSchema: LoanSchemas.payment, responseSchema: LoanSchemas.outcome, successStatus: .created,
                handler: .command(LoanCommands.foreclose)),
            APIRoute(
                method: .post, path: "/api/v1/eod", permission: .eodRun,
                summary: "Run every active loan's day end through a date", tag: "operations",
                requestSchema: Schemas.object([("date", Schemas.date)], required: ["date"]),
                responseSchema: LoanSchemas.dayEndReport, handler: .command(BookReports.runDayEnd)),
        ]
    }
}

/// The book-wide reads: day-end status and the trial balance.
struct BookReadRoutes {
    let books: BookPool

    var routes: [APIRoute] {
        let books = books
        return [
            APIRoute(
                method: .get, path: "/api/v1/eod", permission: .eodRead,
                summary: "The last business date the day end has closed", tag: "operations",
                responseSchema: LoanSchemas.dayEndStatus,
                handler: .plain { _ in
                    Responses.json(try await books.withSession { try BookReports.dayEndStatus($0.store) })
                }),
            APIRoute(
                method: .get, path: "/api/v1/trial-balance", permission: .trialBalanceRead,
                summary: "Debits, credits and balance per GL account through a date", tag: "operations",
                parameters: [queryParameter("date", "through this value date", Schemas.date)],
                responseSchema: LoanSchemas.trialBalance,
                handler: .plain { call in
                    let date = try call.date("date", required: false)
                    return Responses.json(
                        try await books.withSession { try BookReports.trialBalance($0, through: date) })
                }),
        ]
    }
}
