extension Schemas {
    static let transition = ObjectSchema([
        SchemaProperty("to", .scalar(.identifier), required: true, "the state the event moves to"),
        SchemaProperty("guard", .scalar(.expression), "a condition on the context that must hold"),
        SchemaProperty("roles", .list(.scalar(.identifier)), "roles allowed to fire the event"),
        SchemaProperty("maker_checker", .object(ObjectSchema([
            SchemaProperty("checkers", .scalar(.integer(min: 1, max: 5)), required: true, "distinct approvers needed"),
            SchemaProperty("roles", .list(.scalar(.identifier)), required: true, "roles an approver must hold"),
            SchemaProperty("when", .scalar(.expression), "only when this holds (e.g. above an amount)"),
        ])), "approval by other users before the move"),
        SchemaProperty("actions", .list(.oneOf([.scalar(.text), .map(.scalar(.text))])), "actions on the move"),
    ])

    static let state = ObjectSchema([
        SchemaProperty("final", .scalar(.boolean), "whether the workflow ends here"),
        SchemaProperty("description", .scalar(.text), "what the state means"),
        SchemaProperty("entry", .list(.oneOf([.scalar(.text), .map(.scalar(.text))])),
                       "actions on entering, e.g. bureau.pull or { policy.evaluate: personal-loan-underwriting }"),
        SchemaProperty("timers", .list(.object(ObjectSchema([
            SchemaProperty("after", .scalar(.duration), required: true, "ISO-8601 duration in the state, e.g. PT48H"),
            SchemaProperty("fire", .scalar(.identifier), required: true, "the event fired when it runs out"),
        ]))), "SLAs: events fired after time in the state"),
        SchemaProperty("on", .map(.oneOf([.scalar(.identifier), .object(transition)])),
                       "events handled here: `event: target` or `event: { to, guard, roles, … }`"),
    ])

    /// A workflow state machine: `workflows/NAME.yaml`.
    public static let workflow = ObjectSchema([
        SchemaProperty("workflow", .scalar(.identifier), required: true, "the workflow's name; equals the file name"),
        SchemaProperty("description", .scalar(.text), "what the workflow is for"),
        SchemaProperty("context", .map(.scalar(.text)), "typed inputs guards may read, e.g. amount: money"),
        SchemaProperty("events", .list(.scalar(.identifier)), required: true, "every event the workflow knows"),
        SchemaProperty("initial", .scalar(.identifier), required: true, "the state a new instance starts in"),
        SchemaProperty("states", .map(.object(state)), required: true, "the states by name"),
    ])
}
