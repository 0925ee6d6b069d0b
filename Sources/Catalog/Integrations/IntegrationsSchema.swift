extension Schemas {
    /// Retries of one integration.
    static let integrationRetries = ObjectSchema([
        SchemaProperty("attempts", .scalar(.integer(min: 0, max: 10)), required: true,
                       "further attempts after the first call fails (0: none)"),
        SchemaProperty("backoff_seconds", .scalar(.integer(min: 1, max: 3_600)), required: true,
                       "wait before the first retry; doubled for each further one"),
        SchemaProperty("max_backoff_seconds", .scalar(.integer(min: 1, max: 86_400)),
                       "longest wait between two attempts (default: 60, or backoff_seconds when larger)"),
    ])

    /// One integration's adapter.
    static let integration = ObjectSchema([
        SchemaProperty("adapter", .scalar(.words(AdapterKind.allCases.map(\.rawValue))), required: true,
                       "`simulator` (deterministic, for tests and the demo) or `http` (the real service)"),
        SchemaProperty("endpoint", .scalar(.text), "the service's https:// URL (http adapters only)"),
        SchemaProperty("credential", .scalar(.text),
                       "where the credential is kept: `env:VARIABLE` or `secret:name` — never the credential itself"),
        SchemaProperty("timeout_seconds", .scalar(.integer(min: 1, max: 300)), "how long one call may take (default 10)"),
        SchemaProperty("retries", .object(integrationRetries), "how failed calls are tried again (default: 3, after 2 s doubling)"),
        SchemaProperty("description", .scalar(.text), "what the service is, e.g. the provider's name"),
    ])

    /// The adapters of outside services: `policies/integrations.yaml`.
    public static let integrations = ObjectSchema([
        SchemaProperty("description", .scalar(.text), "whose integrations these are"),
        SchemaProperty(
            "integrations",
            .object(ObjectSchema(IntegrationKind.allCases.map {
                SchemaProperty($0.rawValue, .object(integration), required: true, "the \($0.rawValue) adapter")
            })),
            required: true, "every integration by name, each with its adapter"),
    ])
}
