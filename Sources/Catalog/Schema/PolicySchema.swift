extension Schemas {
    /// One output column of a decision table: its type and the value used when no row matches.
    static let tableOutput = ObjectSchema([
        SchemaProperty("type", .scalar(.text), required: true, "the output's type, e.g. rate, money, integer"),
        SchemaProperty("default", .scalar(.expression), "the value when no row matches"),
    ])

    /// A decision table of a policy.
    static let table = ObjectSchema([
        SchemaProperty("id", .scalar(.identifier), required: true, "the table's name in traces, e.g. pricing"),
        SchemaProperty("description", .scalar(.text), "what the table decides"),
        SchemaProperty(
            "hit",
            .scalar(
                .words([
                    "unique", "first", "priority", "collect", "collect sum", "collect min",
                    "collect max",
                ])), required: true,
            "how matching rows become outputs: unique, first, priority, collect, collect sum|min|max"),
        SchemaProperty("inputs", .list(.scalar(.expression)), required: true, "the value each input column tests"),
        SchemaProperty(
            "outputs", .map(.oneOf([.scalar(.text), .object(tableOutput)])), required: true,
            "output columns by name: `name: type` or `name: { type, default }`"),
        SchemaProperty(
            "rows", .scalar(.text), required: true,
            "one row per line: input cells, `||`, output cells, separated by `|`"),
    ])

    /// A rule of a policy.
    static let rule = ObjectSchema([
        SchemaProperty("id", .scalar(.text), required: true, "the rule's name in traces, e.g. R07"),
        SchemaProperty("description", .scalar(.text), "what the rule is for"),
        SchemaProperty("when", .scalar(.expression), required: true, "the condition under which the rule fires"),
        SchemaProperty(
            "outcome", .scalar(.words(["approve", "refer", "reject"])), required: true,
            "what the rule decides: approve, refer (manual review) or reject"),
        SchemaProperty("reason", .scalar(.text), "reason code, e.g. FOIR_ABOVE_LIMIT (required for refer and reject)"),
        SchemaProperty(
            "message", .scalar(.text), "the reason in words for the applicant's file (required for refer and reject)"),
    ])

    /// An underwriting, pricing, fee or charge policy: `policies/NAME.yaml`.
    public static let policy = ObjectSchema([
        SchemaProperty("policy", .scalar(.identifier), required: true, "the policy's name; equals the file name"),
        SchemaProperty("description", .scalar(.text), "what the policy decides"),
        SchemaProperty(
            "default_outcome", .scalar(.words(["approve", "refer", "reject"])),
            "the decision when no rule fires (default approve)"),
        SchemaProperty(
            "types", .map(.oneOf([.scalar(.text), .map(.scalar(.text))])),
            "named types: `grade: enum(a, b)` or a record `tradeline: { emi: money, dpd: integer }`"),
        SchemaProperty(
            "inputs", .map(.scalar(.text)), required: true,
            "declared inputs and their types, e.g. monthly_income: money"),
        SchemaProperty("derived", .map(.scalar(.expression)), "values worked out from inputs, e.g. foir"),
        SchemaProperty("outputs", .map(.scalar(.expression)), "derived values returned with the decision"),
        SchemaProperty(
            "tables", .list(.object(table)), "decision tables; their outputs are returned with the decision"),
        SchemaProperty("rules", .list(.object(rule)), "rules in order; the most severe outcome that fires wins"),
    ])

    /// An expected decision of a policy test case.
    static let policyExpectation = ObjectSchema([
        SchemaProperty("outcome", .scalar(.words(["approve", "refer", "reject"])), "the expected decision"),
        SchemaProperty("reasons", .list(.scalar(.text)), "reason codes of every rule that fires, in any order"),
        SchemaProperty("outputs", .map(.scalar(.expression)), "expected values of some outputs"),
    ])

    /// A value given for an input: a scalar, a list, or a record (mapping).
    static let inputValue = SchemaNode.oneOf([
        .scalar(.expression), .list(.oneOf([.scalar(.expression), .map(.scalar(.expression))])),
        .map(.scalar(.expression)),
    ])

    /// Tests of a policy: `policies/tests/NAME.yaml`.
    public static let policyTests = ObjectSchema([
        SchemaProperty("policy", .scalar(.identifier), required: true, "the policy under test, in policies/"),
        SchemaProperty("description", .scalar(.text), "what the cases cover"),
        SchemaProperty("inputs", .map(inputValue), "inputs every case starts from"),
        SchemaProperty(
            "cases",
            .list(
                .object(
                    ObjectSchema([
                        SchemaProperty("name", .scalar(.text), required: true, "what the case shows"),
                        SchemaProperty("inputs", .map(inputValue), "inputs of this case (over the file's inputs)"),
                        SchemaProperty(
                            "expect", .object(policyExpectation), required: true, "the expected decision and outputs"),
                    ]))), required: true, "the test cases"),
    ])
}
