import Catalog
import Crypto
import Hummingbird
import Identity
import Ledger

/// The application commands without HTTP, for `lendline application`: the same handlers, checks,
/// idempotency and transaction as the routes, on one database connection, acting as a named user
/// with roles (the workflow's roles still decide each step).
public struct ApplicationDesk {
    /// A step the desk runs: the route's last path segment.
    public enum Step: String, CaseIterable, Sendable {
        case create, documents, submit, decisions, approvals, withdraw, retry, disburse, timers
        case acceptKFS = "accept-kfs", reissueKFS = "reissue-kfs"
    }

    let session: BookSession
    let registry: CatalogRegistry
    let services: ApplicationServices

    public init(location: DatabaseLocation, registry: CatalogRegistry, services: ApplicationServices) throws {
        session = try BookSession(location: location, catalog: registry.current, name: "lendline-application")
        self.registry = registry
        self.services = services
    }

    /// Runs `step` on application `id` (none for create and timers) with the JSON `body`, as `user`
    /// holding `roles`, once per `key`; returns the status and the JSON answer (a problem document
    /// when refused).
    public func run(_ step: Step, id: String?, body: String, user: String, roles: [String], key: String) throws
        -> (status: Int, body: String) {
        let principal = Principal(id: user, kind: .staff, roles: roles, permissions: Set(Permission.allCases))
        let call = APICall(parameters: ["id": id ?? ""], query: [:], body: ByteBuffer(string: body),
                           principal: principal, idempotencyKey: key)
        let catalog = registry.current, services = services
        let command: (APICall, BookSession) throws -> StoredResponse
        switch step {
        case .create: command = { try ApplicationCommands.create($0, $1, catalog, services) }
        case .documents: command = { try ApplicationCommands.attach($0, $1, catalog, services) }
        case .submit: command = { try ApplicationCommands.submit($0, $1, catalog, services) }
        case .decisions: command = { try ApplicationCommands.decide($0, $1, catalog, services) }
        case .approvals: command = { try ApplicationCommands.approve($0, $1, catalog, services) }
        case .acceptKFS: command = { try ApplicationCommands.acceptKFS($0, $1, catalog, services) }
        case .reissueKFS: command = { try ApplicationCommands.reissueKFS($0, $1, catalog, services) }
        case .disburse: command = { try ApplicationCommands.disburse($0, $1, catalog, services) }
        case .withdraw: command = { try ApplicationCommands.withdraw($0, $1, catalog, services) }
        case .retry: command = { try ApplicationCommands.retry($0, $1, catalog, services) }
        case .timers: command = { try ApplicationCommands.fireTimers($0, $1, catalog, services) }
        }
        let hash = SHA256.hash(data: Array(body.utf8)).map { String(format: "%02x", $0) }.joined()
        let path = "/api/v1/applications" + (id.map { "/\($0)" } ?? "") + "/" + step.rawValue
        do {
            let (stored, _) = try APIPipeline.once(session, call: call, method: "POST", path: path, hash: hash,
                                                   command: command)
            return (stored.status, stored.body)
        } catch let problem as Problem {
            return (Int(problem.status.code), Self.text(problem))
        }
    }

    /// The application `id` as `GET /api/v1/applications/{id}` shows it.
    public func show(_ id: String) throws -> (status: Int, body: String) {
        do { return (200, try ApplicationQueries.show(session, registry.current, id).text) } catch let problem as Problem {
            return (Int(problem.status.code), Self.text(problem))
        }
    }

    /// The pipeline as `GET /api/v1/applications?state=` shows it.
    public func pipeline(state: String?, limit: Int = 100) throws -> String {
        try ApplicationPipeline.list(session, state: state, asOf: nil, limit: limit).text
    }

    static func text(_ p: Problem) -> String {
        var members: [(String, JSONValue)] = [("title", .string(p.title)), ("status", .int(p.status.code))]
        if let detail = p.detail { members.append(("detail", .string(detail))) }
        if !p.errors.isEmpty {
            members.append(("errors", .array(p.errors.map {
                .object([("field", .string($0.field)), ("detail", .string($0.detail))])
            })))
        }
        return JSONValue.object(members).text
    }
}
