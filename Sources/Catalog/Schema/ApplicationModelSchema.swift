extension Schemas {
    /// One field of the application model.
    static let applicationField = ObjectSchema([
        SchemaProperty(
            "type", .scalar(.text), required: true,
            "the field's type in the rule language, e.g. money, enum(salaried, self_employed), list<lender_exposure>"),
        SchemaProperty(
            "source", .scalar(.words(ApplicationSource.allCases.map(\.rawValue))), required: true,
            "where origination takes it from: applicant, employment, income, bureau, application, schedule, "
                + "group, lender"),
        SchemaProperty("description", .scalar(.text), required: true, "what the field holds, in the lender's words"),
    ])

    /// What an application holds for underwriting policies: `policies/application-model.yaml`.
    public static let applicationModel = ObjectSchema([
        SchemaProperty("model", .scalar(.words(["application"])), required: true, "the model's name: application"),
        SchemaProperty("description", .scalar(.text), "what the model covers"),
        SchemaProperty(
            "types", .map(.oneOf([.scalar(.text), .map(.scalar(.text))])),
            "named types, as in a policy: `grade: enum(a, b)` or a record `tradeline: { emi: money, dpd: integer }`"),
        SchemaProperty(
            "fields", .map(.object(applicationField)), required: true,
            "the facts of an application by name, each `{ type, source, description }`"),
    ])
}
