/// Request and response schemas of the charge, waiver and workflow-case routes.
enum CaseSchemas {
    static let reason = Schemas.string(maxLength: 200)
    static let amountOrZero: JSONValue = .object([
        ("type", .string("string")), ("pattern", .string(#"^[0-9]{1,15}(\.[0-9]{1,2})?$"#)),
        ("description", .string("rupees, exact, zero or more, e.g. \"180.00\"")),
    ])

    static let charge = Schemas.object(
        [
            ("kind", Schemas.enumeration(["bounce", "processing", "other"])), ("amount", Schemas.positiveMoney),
            ("gst", amountOrZero), ("installment", Schemas.integer(0...10_000)), ("date", Schemas.date),
            ("reason", reason),
        ], required: ["kind", "amount", "gst", "date", "reason"])

    static let waiver = Schemas.object(
        [
            ("amount", Schemas.positiveMoney), ("kind", Schemas.enumeration(["penal", "bounce", "processing", "other"])),
            ("installment", Schemas.integer(0...10_000)), ("date", Schemas.date), ("reason", reason),
        ], required: ["amount", "date", "reason"])

    static let restructure = Schemas.object(
        [
            ("rate", Schemas.rate), ("installments", Schemas.integer(1...600)), ("date", Schemas.date),
            ("reason", reason),
        ], required: ["rate", "installments", "date", "reason"])

    static let writeOff = Schemas.object([("date", Schemas.date), ("reason", reason)], required: ["date", "reason"])

    static let event = Schemas.object(
        [("event", Schemas.string(maxLength: 64)), ("date", Schemas.date), ("context", Schemas.anyObject)],
        required: ["event", "date"])

    static let decision = Schemas.object(
        [("event", Schemas.string(maxLength: 64)), ("date", Schemas.date),
         ("decision", Schemas.enumeration(["approve", "decline"]))],
        required: ["event", "date", "decision"])

    static let pending = LoanSchemas.response([
        ("event", Schemas.string), ("maker", Schemas.string), ("checkers_needed", Schemas.integer),
        ("approved_by", Schemas.array(Schemas.string)),
    ])

    static let summaryProperties: [(String, JSONValue)] = [
        ("case_id", Schemas.string), ("workflow", Schemas.string), ("subject_kind", Schemas.string),
        ("subject_id", Schemas.string), ("state", Schemas.string), ("final", .object([("type", .string("boolean"))])),
        ("opened_by", Schemas.string), ("opened_on", Schemas.date), ("pending_approvals", Schemas.array(pending)),
    ]

    static let summary = LoanSchemas.response(summaryProperties)

    static let full = LoanSchemas.response(summaryProperties + [
        ("proposal", Schemas.anyObject), ("context", Schemas.anyObject), ("catalog_version", Schemas.string),
        ("history", Schemas.array(Schemas.anyObject)),
    ])

    static let list = LoanSchemas.response([("loan_id", Schemas.string), ("cases", Schemas.array(summary))])
}
