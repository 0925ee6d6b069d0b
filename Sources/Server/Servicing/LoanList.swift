import Ledger
import LoanMath

/// `GET /api/v1/loans`: loans from the `loan_account` read model, filtered, in loan-id order, a page
/// at a time (the cursor is the last loan id of the page before).
struct LoanListQuery: Sendable {
    var product: String?
    var status: String?
    var assetClass: String?
    var idPrefix: String?
    var cursor: String?
    var limit: Int

    static let statuses = ["active", "closed", "settled", "written-off"]

    init(_ call: APICall, maxPageSize: Int) throws(Problem) {
        product = try call.text("product")
        status = try call.text("status")
        assetClass = try call.text("asset_class")
        idPrefix = try call.text("id_prefix")
        cursor = try call.text("cursor")
        limit = try call.integer("limit", in: 1...maxPageSize, default: 50)
        if let status, !Self.statuses.contains(status) {
            throw Problem.invalid("status", "must be one of \(Self.statuses.joined(separator: ", "))")
        }
        if let assetClass, AssetClass(rawValue: assetClass) == nil {
            throw Problem.invalid(
                "asset_class", "must be one of \(AssetClass.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run(_ store: any EventStore) throws -> JSONValue {
        var conditions: [String] = [], values: [SQLValue?] = []
        func add(_ condition: String, _ value: String?) {
            guard let value else { return }
            conditions.append(condition)
            values.append(.text(value))
        }
        add("product = ?", product)
        add("status = ?", status)
        add("asset_class = ?", assetClass)
        if let idPrefix {
            conditions.append("substr(loan_id, 1, \(idPrefix.utf8.count)) = ?")
            values.append(.text(idPrefix))
        }
        add("loan_id > ?", cursor)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try store.read(
            """
            SELECT loan_id, product, status, asset_class, currency, principal, principal_outstanding, arrears, dpd,
                   next_day_end FROM loan_account \(filter) ORDER BY loan_id LIMIT \(limit)
            """, values)
        let loans: [JSONValue] = rows.map { row in
            func money(_ i: Int) -> JSONValue { .string(Money(minorUnits: row.int64(i)).decimalString) }
            return .object([
                ("loan_id", .string(row.text(0))), ("product", .string(row.text(1))),
                ("status", .string(row.text(2))), ("asset_class", .string(row.text(3))),
                ("currency", .string(row.text(4))), ("principal", money(5)),
                ("principal_outstanding", money(6)), ("arrears", money(7)),
                ("days_past_due", .int(Int(row.int64(8)))), ("next_day_end", .string(row.text(9))),
            ])
        }
        let next: JSONValue = rows.count == limit ? .string(rows.last!.text(0)) : .null
        return .object([("loans", .array(loans)), ("next_cursor", next)])
    }
}
