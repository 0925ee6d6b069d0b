import Hummingbird
import Identity
import LoanMath

/// The servicing routes that read: the loan list, a loan, its events, its foreclosure quote and
/// its statement.
struct LoanReadRoutes {
    let books: BookPool
    let limits: APILimits

    static let id = APIParameter(name: "id", place: .path, description: "loan id", required: true)

    var routes: [APIRoute] {
        let books = books, limits = limits
        return [
            APIRoute(
                method: .get, path: "/api/v1/loans", permission: .loansRead,
                summary: "List loans, filtered, a page at a time",
                parameters: [
                    queryParameter("product", "product id", Schemas.string(maxLength: 64)),
                    queryParameter("status", "loan status", Schemas.enumeration(LoanListQuery.statuses)),
                    queryParameter(
                        "asset_class", "IRACP class", Schemas.enumeration(AssetClass.allCases.map(\.rawValue))),
                    queryParameter("id_prefix", "loan ids starting with", Schemas.string(maxLength: 64)),
                    queryParameter("cursor", "next_cursor of the page before", Schemas.string(maxLength: 64)),
                    queryParameter(
                        "limit", "page size, 1–\(limits.maxPageSize)", Schemas.integer(1...limits.maxPageSize)),
                ],
                responseSchema: LoanSchemas.list,
                handler: .plain { call in
                    let list = try LoanListQuery(call, maxPageSize: limits.maxPageSize)
                    return Responses.json(try await books.withSession { try list.run($0.store) })
                }),
            APIRoute(
                method: .get, path: "/api/v1/loans/{id}", permission: .loansRead,
                summary: "A loan: balances, schedule rows paid/due/overdue, class, DPD, recent events",
                parameters: [Self.id, queryParameter("asOf", "show the loan at the end of this date", Schemas.date)],
                responseSchema: LoanSchemas.loan,
                handler: .plain { call in
                    let asOf = try call.date("asOf", required: false)
                    return Responses.json(
                        try await books.withSession {
                            try LoanQueries.view($0, call.loanID, asOf: asOf)
                        })
                }),
            APIRoute(
                method: .get, path: "/api/v1/loans/{id}/events", permission: .loansRead,
                summary: "A loan's events in order, a page at a time",
                parameters: [
                    Self.id,
                    queryParameter("cursor", "sequence after which to start", Schemas.integer(0...Int(Int32.max))),
                    queryParameter("limit", "page size", Schemas.integer(1...limits.maxPageSize)),
                ],
                responseSchema: LoanSchemas.events,
                handler: .plain { call in
                    let after = try call.integer("cursor", in: 0...Int(Int32.max), default: 0)
                    let limit = try call.integer("limit", in: 1...limits.maxPageSize, default: 100)
                    return Responses.json(
                        try await books.withSession {
                            try LoanQueries.events($0, call.loanID, after: Int64(after), limit: limit)
                        })
                }),
            APIRoute(
                method: .get, path: "/api/v1/loans/{id}/foreclosure-quote", permission: .foreclosuresQuote,
                summary: "What paying the loan off on a date would take",
                parameters: [Self.id, queryParameter("date", "payoff date", Schemas.date, required: true)],
                responseSchema: LoanSchemas.quote,
                handler: .plain { call in
                    guard let day = try call.date("date", required: true) else {
                        throw Problem.invalid("date", "is required")
                    }
                    return Responses.json(
                        try await books.withSession { try LoanQueries.quote($0, call.loanID, on: day) })
                }),
            APIRoute(
                method: .get, path: "/api/v1/loans/{id}/statement", permission: .statementsRead,
                summary: "A loan's statement for a period",
                parameters: [
                    Self.id, queryParameter("from", "first value date", Schemas.date, required: true),
                    queryParameter("to", "last value date", Schemas.date, required: true),
                ],
                responseSchema: LoanSchemas.statement,
                handler: .plain { call in
                    guard let from = try call.date("from", required: true), let to = try call.date("to", required: true)
                    else { throw Problem.invalid("from", "is required") }
                    guard from <= to else { throw Problem.invalid("to", "must not be before from") }
                    return Responses.json(
                        try await books.withSession {
                            try LoanQueries.statement($0, call.loanID, from: from, to: to)
                        })
                }),
        ]
    }
}

/// A query parameter of the table.
func queryParameter(_ name: String, _ description: String, _ schema: JSONValue = Schemas.string, required: Bool = false)
    -> APIParameter
{
    APIParameter(name: name, place: .query, description: description, schema: schema, required: required)
}
