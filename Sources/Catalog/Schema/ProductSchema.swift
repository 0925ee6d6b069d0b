import LoanMath

/// The shapes of product, terms and calendar files.
public enum Schemas {
    static func words<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> SchemaNode where T.RawValue == String {
        .scalar(.words(T.allCases.map(\.rawValue)))
    }

    static func range(_ node: SchemaNode) -> SchemaNode {
        .object(ObjectSchema([
            SchemaProperty("min", node, required: true, "the smallest allowed value"),
            SchemaProperty("max", node, required: true, "the largest allowed value"),
        ]))
    }

    /// A fee: a fixed amount, or (in a product's defaults) a percentage of the principal.
    public static let fee = ObjectSchema([
        SchemaProperty("name", .scalar(.text), required: true, "what the fee is, e.g. processing"),
        SchemaProperty("amount", .scalar(.amount), "a fixed fee in rupees"),
        SchemaProperty("rate", .scalar(.rate), "a percentage of the principal (product defaults only)"),
        SchemaProperty("min", .scalar(.amount), "the least a percentage fee comes to"),
        SchemaProperty("max", .scalar(.amount), "the most a percentage fee comes to"),
        SchemaProperty("gst", .scalar(.rate), "GST charged on the fee, e.g. 18%"),
        SchemaProperty("payee", words(FeePayee.self), "who receives it: the lender or a third party"),
    ])

    /// The terms of a loan, as product defaults, a terms file, or command-line flags.
    public static let terms = ObjectSchema([
        SchemaProperty("principal", .scalar(.amount), "the amount lent, in rupees"),
        SchemaProperty("rate", .scalar(.rate), "nominal annual interest rate"),
        SchemaProperty("tenure", .scalar(.integer(min: 1, max: ScheduleEngine.maxInstallments)), "number of instalments"),
        SchemaProperty("frequency", words(Frequency.self), "how often instalments fall due"),
        SchemaProperty("method", words(InterestMethod.self), "how interest is worked out"),
        SchemaProperty("amortization", .scalar(.words(Amortization.names)), "how principal is repaid"),
        SchemaProperty("balloon", .scalar(.amount), "the amount left for the last instalment (balloon only)"),
        SchemaProperty("step", .object(ObjectSchema([
            SchemaProperty("every", .scalar(.integer(min: 1, max: nil)), required: true, "instalments between steps"),
            SchemaProperty("change", .scalar(.rate), required: true, "change at each step; negative steps down"),
        ])), "step-up or step-down of the instalment (step-up only)"),
        SchemaProperty("day_count", words(DayCount.self), "how days become a fraction of a year"),
        SchemaProperty("disbursement_date", .scalar(.date), "when the money is paid out"),
        SchemaProperty("first_due_date", .scalar(.date), "the first instalment's due date (default: one period later)"),
        SchemaProperty("moratorium", .object(ObjectSchema([
            SchemaProperty("principal", .scalar(.integer(min: 0, max: nil)), "instalments without principal"),
            SchemaProperty("interest", .scalar(.integer(min: 0, max: nil)), "instalments without interest either"),
            SchemaProperty("deferred_interest", words(DeferredInterestTreatment.self), "what happens to deferred interest"),
        ])), "periods at the start without principal and/or interest"),
        SchemaProperty("rounding", .object(ObjectSchema([
            SchemaProperty("installment", .scalar(.roundingUnit), "unit of the instalment: paise, rupee or whole rupees"),
            SchemaProperty("mode", words(RoundingMode.self), "how the instalment is rounded"),
            SchemaProperty("interest", words(RoundingMode.self), "how each period's interest is rounded to the paisa"),
            SchemaProperty("last_installment", words(LastInstallment.self), "where the rounding difference goes"),
        ])), "rounding rules"),
        SchemaProperty("fees", .list(.object(fee)), "upfront fees deducted from the disbursement"),
    ])

    /// A loan product: `products/NAME.yaml`.
    public static let product = ObjectSchema([
        SchemaProperty("product", .scalar(.identifier), required: true, "the product's id; equals the file name"),
        SchemaProperty("name", .scalar(.text), required: true, "the name staff and borrowers see"),
        SchemaProperty("description", .scalar(.text), "a sentence on what the product is for"),
        SchemaProperty("currency", .scalar(.words(["INR"])), required: true, "the currency of amounts"),
        SchemaProperty("category", .scalar(.words(ProductCategory.allCases.map(\.rawValue))), required: true,
                       "the kind of lending, for reporting and provisioning"),
        SchemaProperty("secured", .scalar(.boolean), required: true, "whether the loan is backed by collateral"),
        SchemaProperty("rate_type", .scalar(.words(RateType.allCases.map(\.rawValue))), required: true, "fixed or floating"),
        SchemaProperty("floating", .object(ObjectSchema([
            SchemaProperty("benchmark", .scalar(.identifier), required: true, "the external benchmark, e.g. repo-rate"),
            SchemaProperty("spread", .scalar(.rate), required: true, "the spread over the benchmark"),
            SchemaProperty("reset_months", .scalar(.integer(min: 1, max: 120)), required: true, "months between resets"),
        ])), "the benchmark link of a floating-rate product"),
        SchemaProperty("calendar", .scalar(.identifier), "the holiday calendar in policies/calendars/"),
        SchemaProperty("workflow", .scalar(.identifier), "the origination workflow in workflows/"),
        SchemaProperty("servicing_workflow", .scalar(.identifier), "the servicing workflow in workflows/"),
        SchemaProperty("policy", .scalar(.identifier), "the underwriting policy in policies/"),
        SchemaProperty("documents", .list(.scalar(.identifier)), "templates in templates/ the product issues"),
        SchemaProperty("checklist", .object(ObjectSchema([
            SchemaProperty("required", .list(.scalar(.identifier)), "documents an application needs before it is submitted"),
            SchemaProperty("optional", .list(.scalar(.identifier)), "documents an application may carry besides"),
        ])), "the documents origination collects with an application"),
        SchemaProperty("limits", .object(ObjectSchema([
            SchemaProperty("principal", range(.scalar(.amount)), required: true, "amount limits in rupees"),
            SchemaProperty("tenure", range(.scalar(.integer(min: 1, max: ScheduleEngine.maxInstallments))), required: true,
                           "instalment count limits"),
            SchemaProperty("rate", range(.scalar(.rate)), required: true, "annual rate limits"),
        ])), required: true, "what every loan of the product must stay within"),
        SchemaProperty("defaults", .object(terms), "the terms a loan starts from"),
    ])

    /// A holiday calendar: `policies/calendars/NAME.yaml`.
    public static let calendar = ObjectSchema([
        SchemaProperty("calendar", .scalar(.identifier), required: true, "the calendar's name; equals the file name"),
        SchemaProperty("description", .scalar(.text), "what the calendar covers"),
        SchemaProperty("weekly_off", .list(.scalar(.words(["monday", "tuesday", "wednesday", "thursday", "friday",
                                                             "saturday", "sunday"]))), required: true, "days off every week"),
        SchemaProperty("second_and_fourth_saturdays_off", .scalar(.boolean), "bank Saturdays off"),
        SchemaProperty("holidays", .list(.object(ObjectSchema([
            SchemaProperty("date", .scalar(.date), required: true, "the holiday"),
            SchemaProperty("name", .scalar(.text), required: true, "its name"),
        ]))), "named holidays"),
    ])
}
