import Identity

extension Schemas {
    /// Every permission's name, as roles and API key scopes write it.
    static var permissionWords: ScalarSchema { .words(Permission.allCases.map(\.rawValue)) }

    /// One staff role.
    static let role = ObjectSchema([
        SchemaProperty("description", .scalar(.text), required: true, "what the role does, in the lender's words"),
        SchemaProperty(
            "permissions", .list(.scalar(permissionWords)), required: true,
            "what the role may do: permission names such as `loans.read`"),
    ])

    /// A maker-checker pair.
    static let makerCheckerPair = ObjectSchema([
        SchemaProperty("request", .scalar(permissionWords), required: true, "the maker's permission"),
        SchemaProperty("approve", .scalar(permissionWords), required: true, "the checker's permission"),
    ])

    /// Token lifetime and lock-out.
    static let signIn = ObjectSchema([
        SchemaProperty("token_minutes", .scalar(.integer(min: 1, max: 1_440)), required: true,
                       "how long a sign-in token lives"),
        SchemaProperty("failed_attempts", .scalar(.integer(min: 1, max: 100)), required: true,
                       "failed sign-ins in a row that lock the account"),
        SchemaProperty("lockout_minutes", .scalar(.integer(min: 1, max: 10_080)), required: true,
                       "how long a locked account stays locked"),
    ])

    /// Staff roles, maker-checker pairs and sign-in settings: `policies/roles.yaml`.
    public static let roles = ObjectSchema([
        SchemaProperty("description", .scalar(.text), "whose roles these are"),
        SchemaProperty("roles", .map(.object(role)), required: true, "the roles by id, e.g. `credit-manager`"),
        SchemaProperty(
            "maker_checker", .map(.object(makerCheckerPair)), required: true,
            "what needs two people, e.g. `waivers: { request: waivers.request, approve: waivers.approve }`"),
        SchemaProperty("sign_in", .object(signIn), required: true, "token lifetime and lock-out"),
    ])
}
