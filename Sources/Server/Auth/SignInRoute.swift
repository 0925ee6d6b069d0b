import Hummingbird
import Identity

extension AuthRoutes {
    /// Sign-in as a route of the table, so the OpenAPI document describes it: exempt from
    /// authorization (it is how a token is had) and from `Idempotency-Key` (it moves no money).
    var route: APIRoute {
        APIRoute(
            method: .post, path: Self.tokenRoute, permission: nil,
            summary: "Sign in with user, password and (when enrolled) a TOTP code; answers a short-lived bearer token",
            tag: "auth",
            requestSchema: Schemas.object(
                [("user", Schemas.string(maxLength: 64)), ("password", Schemas.string(maxLength: 1024)),
                 ("totp", Schemas.string(maxLength: 8))],
                required: ["user", "password"]),
            responseSchema: Schemas.object([("token", Schemas.string), ("expiresAt", Schemas.integer)],
                                           required: ["token", "expiresAt"]),
            extraProblems: [401, 423],
            handler: .plain { call in
                let bytes = call.body.map { Array($0.readableBytesView) } ?? []
                return try self.respond(to: bytes, credentials: Credentials(remoteAddress: call.remoteAddress))
            })
    }
}
