import HTTPTypes
import Hummingbird
import Identity
import Ledger
import Logging

/// What runs before every route of the table: authorization (401/403), the rate limit (429), the
/// query check (400), the body limit (413) and, for commands, the idempotency key (400/409).
struct APIPipeline: Sendable {
    let authorizer: any Authorizer
    let limiter: RateLimiter
    let limits: APILimits
    let books: BookPool?
    let logger: Logger
    /// Where state-changing requests are recorded (hash-chained); nil in tests without one.
    var audit: AuditRecorder? = nil

    func respond(_ route: APIRoute, _ request: Request, _ context: LendlineRequestContext) async -> Response {
        var context = context
        do {
            if let permission = route.permission {
                context.principal = try authorize(request, context, permission)
            }
            try admit(context.principal?.id ?? "peer:\(context.remoteAddress ?? "unknown")")
            let query = try Self.query(request, declared: route.parameters)
            let body = request.method == .post ? try await readBody(request) : nil
            var parameters: [String: String] = [:]
            for parameter in route.parameters where parameter.place == .path {
                parameters[parameter.name] = context.parameters.get(parameter.name) ?? ""
            }
            let key = route.needsIdempotencyKey ? try Self.idempotencyKey(request) : nil
            let call = APICall(
                parameters: parameters, query: query, body: body, principal: context.principal,
                idempotencyKey: key, remoteAddress: context.remoteAddress, accept: request.headers[.accept])
            switch route.handler {
            case .plain(let handle): return try await handle(call)
            case .command(let command): return try await execute(command, call, route: route, request: request)
            }
        } catch let problem as Problem {
            log(route, problem, context)
            return problem.response
        } catch let error as SQLiteError where error.isBusy {
            // Another connection held the write lock past the busy timeout.
            logger.warning("database busy", metadata: ["route": "\(route.path)"])
            return Problem(.serviceUnavailable, "database busy", detail: "retry shortly", headers: [(.retryAfter, "1")])
                .response
        } catch {
            // SQLite's and libpq's messages never carry bound values.
            logger.error("request failed", metadata: ["route": "\(route.path)", "error": "\(error)"])
            return Problem(.internalServerError, "internal error").response
        }
    }

    func authorize(_ request: Request, _ context: LendlineRequestContext, _ permission: Permission) throws -> Principal
    {
        var credentials = Credentials(remoteAddress: context.remoteAddress)
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer "), header.count > 7 else {
                throw Problem(
                    .unauthorized, "unauthenticated", detail: "Authorization must be `Bearer <token>`",
                    headers: [(.wwwAuthenticate, "Bearer")])
            }
            credentials.bearerToken = String(header.dropFirst(7))
        }
        credentials.apiKey = request.headers[HTTPField.Name("X-API-Key")!]
        let authorizer = self.authorizer
        let outcome = Result { () throws(AuthorizationError) in try authorizer.authorize(credentials, for: permission) }
        switch outcome {
        case .success(let principal): return principal
        case .failure(.unauthenticated(let reason)):
            throw Problem(.unauthorized, "unauthenticated", detail: reason, headers: [(.wwwAuthenticate, "Bearer")])
        case .failure(.forbidden(let principal, let missing)):
            throw Problem(.forbidden, "forbidden", detail: "\(principal) lacks the permission \(missing.rawValue)")
        }
    }

    func admit(_ subject: String) throws {
        if case .refuse(let seconds) = limiter.take(subject) {
            throw Problem(
                .tooManyRequests, "too many requests", detail: "retry after \(seconds) s",
                headers: [(.retryAfter, String(seconds))])
        }
    }

    /// The request body, refused with 413 beyond the limit.
    func readBody(_ request: Request) async throws -> ByteBuffer {
        let tooLarge = Problem(
            .contentTooLarge, "request body too large",
            detail: "the body may be at most \(limits.maxBodyBytes) bytes")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw tooLarge
        }
        do { return try await request.body.collect(upTo: limits.maxBodyBytes) } catch { throw tooLarge }
    }

    /// The query parameters, each one the route declares; any other is refused.
    static func query(_ request: Request, declared: [APIParameter]) throws -> [String: String] {
        let names = Set(declared.filter { $0.place == .query }.map(\.name))
        var values: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let key = String(name)
            guard names.contains(key) else { throw Problem.invalid(key, "unknown query parameter") }
            guard values[key] == nil else { throw Problem.invalid(key, "given more than once") }
            values[key] = String(value)
        }
        return values
    }

    static func idempotencyKey(_ request: Request) throws -> String {
        guard let key = request.headers[HTTPField.Name("Idempotency-Key")!] else {
            throw Problem(
                .badRequest, "Idempotency-Key required",
                detail: "a money-moving request needs an Idempotency-Key header",
                errors: [FieldError("Idempotency-Key", "is required")])
        }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            throw Problem.invalid("Idempotency-Key", "must be 1 to 255 visible ASCII characters")
        }
        return key
    }

    func log(_ route: APIRoute, _ problem: Problem, _ context: LendlineRequestContext) {
        // Loan ids and principal ids only: never a borrower's name or a body.
        var metadata: Logger.Metadata = [
            "route": "\(route.method) \(route.path)", "status": "\(problem.status.code)",
            "principal": "\(context.principal?.id ?? "-")", "loan": "\(context.parameters.get("id") ?? "-")",
        ]
        if let cause = problem.cause { metadata["cause"] = "\(cause)" }
        if problem.status.code >= 500 {
            logger.error("failed", metadata: metadata)
        } else {
            logger.info("refused", metadata: metadata)
        }
    }
}
