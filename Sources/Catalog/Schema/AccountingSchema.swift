extension Schemas {
    /// One account of the chart.
    static let account = ObjectSchema([
        SchemaProperty("code", .scalar(.accountCode), required: true, "the account's code in the ledger, e.g. 1100"),
        SchemaProperty(
            "name", .scalar(.text), required: true, "the account's name, e.g. Loans and advances — principal"),
        SchemaProperty(
            "type", .scalar(.words(AccountType.allCases.map(\.rawValue))), required: true,
            "asset, liability, income, expense or contra-asset"),
    ])

    /// The account each posting role of the servicing engine goes to.
    static let postingRoles = ObjectSchema(
        PostingRole.allCases.map {
            SchemaProperty($0.rawValue, .scalar(.accountCode), required: true, $0.summary)
        })

    /// The chart of accounts and posting map: `policies/accounting.yaml`.
    public static let accounting = ObjectSchema([
        SchemaProperty("description", .scalar(.text), "whose chart this is"),
        SchemaProperty(
            "accounts", .list(.object(account)), required: true, "the chart: `{ code, name, type }` per account"),
        SchemaProperty(
            "roles", .object(postingRoles), required: true,
            "the account code each posting role goes to; every role exactly once"),
    ])
}
