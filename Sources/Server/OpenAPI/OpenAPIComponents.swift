extension OpenAPIDocument {
    static let problemCodes: [(Int, String)] = [
        (400, "malformed request: each wrong field named"), (401, "no or unknown credentials"),
        (403, "the credentials lack the route's permission"), (404, "no such resource"),
        (409, "idempotency key reused with another request, or the loan's state forbids the command"),
        (413, "request body too large"), (423, "the user is locked out after repeated failures; see lockedUntil"), (422, "the request was refused: the field and reason are named"),
        (429, "rate limit exceeded; see Retry-After"),
        (503, "the loan is busy, or a service the route needs (the PDF renderer) is unavailable; retry"),
    ]

    /// The problem schema (RFC 9457), one response per status, and the security schemes.
    static var components: JSONValue {
        let problem = JSONValue.object([
            ("type", .string("object")),
            (
                "properties",
                .object([
                    ("type", Schemas.string), ("title", Schemas.string), ("status", Schemas.integer),
                    ("detail", Schemas.string),
                    (
                        "errors",
                        Schemas.array(
                            .object([
                                ("type", .string("object")),
                                (
                                    "properties",
                                    .object([
                                        ("field", Schemas.string), ("detail", Schemas.string),
                                    ])
                                ), ("required", .array([.string("field"), .string("detail")])),
                            ]))
                    ),
                ])
            ),
            ("required", .array([.string("type"), .string("title"), .string("status")])),
        ])
        let responses: [(String, JSONValue)] = problemCodes.map { code, description in
            (
                "Problem\(code)",
                .object([
                    ("description", .string(description)),
                    (
                        "content",
                        .object([
                            (
                                "application/problem+json",
                                .object([("schema", .object([("$ref", .string("#/components/schemas/Problem"))]))])
                            )
                        ])
                    ),
                ])
            )
        }
        return .object([
            ("schemas", .object([("Problem", problem)])),
            ("responses", .object(responses)),
            (
                "securitySchemes",
                .object([
                    ("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))])),
                    (
                        "apiKey",
                        .object([
                            ("type", .string("apiKey")), ("in", .string("header")), ("name", .string("X-API-Key")),
                        ])
                    ),
                ])
            ),
        ])
    }
}
