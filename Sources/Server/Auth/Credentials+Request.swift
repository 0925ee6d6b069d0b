import Hummingbird
import Identity

extension Credentials {
    /// The credentials in `headers`: `Authorization: Bearer <token>` and `X-API-Key`.
    public init(headers: HTTPFields, remoteAddress: String?) {
        var bearer: String?
        if let value = headers[.authorization] {
            let parts = value.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { bearer = String(parts[1]) } else { bearer = value }
        }
        let apiKey = headers.first { $0.name.canonicalName == "x-api-key" }?.value
        self.init(bearerToken: bearer, apiKey: apiKey, remoteAddress: remoteAddress)
    }

    /// The credentials of `request`, with the peer address when the context knows it.
    public init(request: Request, context: some RequestContext) {
        let address = (context as? any RemoteAddressRequestContext)?.remoteAddress.map { "\($0)" }
        self.init(headers: request.headers, remoteAddress: address)
    }
}

extension AuthorizationError {
    /// The problem response for this refusal: 401 with `WWW-Authenticate`, or 403.
    public var response: Response {
        switch self {
        case .unauthenticated(let detail):
            var response = Responses.problem(.unauthorized, title: "Unauthorized", detail: detail)
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        case .forbidden(let principal, let missing):
            return Responses.problem(.forbidden, title: "Forbidden", detail: "\(principal) lacks \(missing.rawValue)",
                                     extra: [("permission", .string(missing.rawValue))])
        }
    }
}
