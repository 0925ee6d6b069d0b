import Identity
import Server

/// The authorizer of the tests: token `all` may do everything, `reader` only read; any other token
/// or none is unauthenticated. `anyone` lets every request through (the configuration tests).
struct TestAuthorizer: Authorizer {
    var anyone = false

    static let readPermissions: Set<Permission> = [
        .productsRead, .loansRead, .statementsRead, .foreclosuresQuote, .eodRead, .trialBalanceRead,
    ]

    func authorize(_ credentials: Credentials, for permission: Permission) throws(AuthorizationError) -> Principal {
        if anyone { return Principal(id: "anyone", kind: .staff, roles: [], permissions: Set(Permission.allCases)) }
        let principal: Principal
        switch credentials.bearerToken ?? credentials.apiKey {
        case "all":
            principal = Principal(id: "ops", kind: .staff, roles: ["admin"], permissions: Set(Permission.allCases))
        case "reader":
            principal = Principal(id: "auditor", kind: .staff, roles: ["reader"], permissions: Self.readPermissions)
        case nil: throw .unauthenticated("no credentials")
        default: throw .unauthenticated("unknown token")
        }
        guard principal.may(permission) else { throw .forbidden(principal: principal.id, missing: permission) }
        return principal
    }
}

extension APIServices {
    /// The configuration routes only, open to every request.
    static var configOnly: APIServices {
        APIServices(
            authorizer: TestAuthorizer(anyone: true), books: nil,
            limits: APILimits(burstRequests: 1_000_000, requestsPerSecond: 1_000_000))
    }
}
