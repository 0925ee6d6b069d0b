/// Request and response schemas of the servicing routes, for the OpenAPI document.
enum LoanSchemas {
    static let nullableDate: JSONValue = .object([
        ("type", .array([.string("string"), .string("null")])),
        ("format", .string("date")),
    ])
    static let nullableString: JSONValue = .object([("type", .array([.string("string"), .string("null")]))])

    /// An open object (responses may grow) with these properties, all present.
    static func response(_ properties: [(String, JSONValue)]) -> JSONValue {
        .object([
            ("type", .string("object")), ("properties", .object(properties)),
            ("required", .array(properties.map { .string($0.0) })),
        ])
    }

    /// A booking names one of the catalog's `products`.
    static func booking(products: [String]) -> JSONValue {
        Schemas.object(
            [
                ("loan_id", Schemas.string(maxLength: 64)), ("product", Schemas.enumeration(products)),
                ("principal", Schemas.positiveMoney),
                ("rate", Schemas.rate),
                ("tenure", Schemas.integer(1...600)), ("disbursement_date", Schemas.date),
                ("security_value", Schemas.positiveMoney),
            ], required: ["loan_id", "product", "disbursement_date"])
    }

    static let payment = Schemas.object(
        [
            ("amount", Schemas.positiveMoney), ("date", Schemas.date), ("reference", Schemas.string(maxLength: 128)),
        ], required: ["amount", "date", "reference"])

    static let prepayment = Schemas.object(
        [
            ("amount", Schemas.positiveMoney), ("date", Schemas.date), ("reference", Schemas.string(maxLength: 128)),
            ("effect", Schemas.enumeration(["reduce-tenure", "reduce-installment"])),
        ], required: ["amount", "date", "reference"])

    static let event = response([
        ("sequence", Schemas.integer), ("type", Schemas.string), ("value_date", Schemas.date),
        ("catalog_version", Schemas.string), ("payload", .object([])),
    ])

    static let eventSummary = response([
        ("sequence", Schemas.integer), ("type", Schemas.string), ("value_date", Schemas.date),
    ])

    static let row = response([
        ("installment", Schemas.integer), ("due_date", Schemas.date), ("principal", Schemas.money),
        ("interest", Schemas.money), ("total", Schemas.money), ("principal_paid", Schemas.money),
        ("interest_paid", Schemas.money), ("status", Schemas.enumeration(["paid", "overdue", "due", "upcoming"])),
    ])

    static let loan = response([
        ("loan_id", Schemas.string), ("product", Schemas.string), ("status", Schemas.string), ("as_of", Schemas.date),
        ("currency", Schemas.string), ("principal", Schemas.money), ("principal_outstanding", Schemas.money),
        ("arrears", Schemas.money), ("interest_recognised", Schemas.money), ("interest_suspended", Schemas.money),
        ("advance", Schemas.money), ("days_past_due", Schemas.integer), ("asset_class", Schemas.string),
        ("npa_since", nullableDate), ("provision", Schemas.money), ("last_day_end", nullableDate),
        ("schedule", Schemas.array(row)), ("charges", Schemas.array(Schemas.anyObject)),
        ("recent_events", Schemas.array(eventSummary)),
    ])

    static let outcome = response([("loan", loan), ("events", Schemas.array(event))])

    static let list = response([
        (
            "loans",
            Schemas.array(
                response([
                    ("loan_id", Schemas.string), ("product", Schemas.string), ("status", Schemas.string),
                    ("asset_class", Schemas.string), ("currency", Schemas.string), ("principal", Schemas.money),
                    ("principal_outstanding", Schemas.money), ("arrears", Schemas.money),
                    ("days_past_due", Schemas.integer),
                    ("next_day_end", Schemas.date),
                ]))
        ),
        ("next_cursor", nullableString),
    ])

    static let events = response([
        ("loan_id", Schemas.string), ("events", Schemas.array(event)),
        ("next_cursor", nullableString),
    ])

    static let quote = response([
        ("loan_id", Schemas.string), ("date", Schemas.date), ("principal", Schemas.money),
        ("interest_due", Schemas.money), ("interest_accrued", Schemas.money), ("charges", Schemas.money),
        ("foreclosure_charge", Schemas.money), ("advance", Schemas.money), ("total", Schemas.money),
    ])

    static let statement = response([
        ("loan_id", Schemas.string), ("opening", Schemas.anyObject), ("closing", Schemas.anyObject),
        (
            "lines",
            Schemas.array(
                response([
                    ("date", Schemas.date), ("description", Schemas.string),
                    ("debit", Schemas.money), ("credit", Schemas.money),
                ]))
        ),
        ("total_paid", Schemas.money),
    ])

    static let dayEndReport = response([
        ("through", Schemas.date), ("loans", Schemas.integer), ("loan_days", Schemas.integer),
        ("events", Schemas.integer), ("failures", Schemas.array(Schemas.anyObject)),
    ])

    static let dayEndStatus = response([
        ("active_loans", Schemas.integer), ("last_business_date_closed", nullableDate),
        ("latest_business_date_closed", nullableDate),
    ])

    static let trialBalance = response([
        ("date", nullableDate),
        (
            "accounts",
            Schemas.array(
                response([
                    ("account", Schemas.string), ("roles", Schemas.array(Schemas.string)),
                    ("debit", Schemas.money), ("credit", Schemas.money),
                    ("balance", Schemas.string),
                ]))
        ),
        ("total_debit", Schemas.money), ("total_credit", Schemas.money),
        ("balanced", .object([("type", .string("boolean"))])),
    ])
}
