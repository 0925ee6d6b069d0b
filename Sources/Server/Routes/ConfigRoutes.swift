import Catalog
import Hummingbird
import Logging

/// Routes that show and reload the configuration: `/health`, `/config/version`,
/// `POST /admin/config/reload`, and the catalog's products.
struct ConfigRoutes: Sendable {
    let registry: CatalogRegistry
    let metrics: ServerMetrics
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in Responses.json(.object([("status", .string("ok"))])) }
        router.get("/config/version") { _, _ in self.version() }
        router.post("/admin/config/reload") { _, _ in self.reload() }
        router.get("/api/v1/products") { request, _ in self.products(request) }
        router.get("/api/v1/products/:id") { request, context in self.product(request, context) }
    }

    func version() -> Response {
        let catalog = registry.current
        let stats = registry.statistics
        let counts = catalog.counts
        var members: [(String, JSONValue)] = [
            ("version", .string(catalog.version.hash)),
            ("short", .string(catalog.version.short)),
            ("git", catalog.version.gitCommit.map(JSONValue.string) ?? .null),
            ("products", .int(counts.products)), ("policies", .int(counts.policies)),
            ("workflows", .int(counts.workflows)), ("templates", .int(counts.templates)),
            ("reloads", .object([("succeeded", .int(stats.succeeded)), ("failed", .int(stats.failed)),
                                 ("unchanged", .int(stats.unchanged))])),
        ]
        members.append(("last_reload_failure", stats.lastFailure.map(JSONValue.string) ?? .null))
        return Responses.json(.object(members))
    }

    func reload() -> Response {
        let outcome = registry.reload()
        metrics.record(outcome)
        switch outcome {
        case .swapped(let from, let to):
            logger.info("configuration reloaded", metadata: ["from": "\(from.short)", "to": "\(to.short)"])
            return Responses.json(.object([("outcome", .string("reloaded")), ("from", .string(from.hash)),
                                           ("to", .string(to.hash))]))
        case .unchanged(let version):
            return Responses.json(.object([("outcome", .string("unchanged")), ("version", .string(version.hash))]))
        case .failed(let error, _):
            let report = outcome.report ?? ""
            logger.error("configuration reload rejected; the old version keeps serving\n\(report)")
            let errors: [JSONValue] = error.diagnostics.map { d in
                .object([("location", .string(d.location.description)), ("message", .string(d.message))])
            }
            return Responses.problem(.unprocessableContent, title: "configuration has errors",
                                     detail: "the reload was rejected; version \(registry.current.version.short) keeps serving",
                                     extra: [("errors", .array(errors)), ("report", .string(report))])
        }
    }

    /// The catalog a request asks for: `?version=HASH` (pinned) or the current one.
    func catalog(_ request: Request) -> Catalog? {
        guard let hash = request.uri.queryParameters.get("version") else { return registry.current }
        return registry.catalog(version: hash)
    }

    func products(_ request: Request) -> Response {
        guard let catalog = catalog(request) else { return unknownVersion(request) }
        let list = catalog.products.keys.sorted().map { id in ProductJSON.summary(catalog.products[id]!) }
        return Responses.json(.object([("version", .string(catalog.version.hash)), ("products", .array(list))]))
    }

    func product(_ request: Request, _ context: BasicRequestContext) -> Response {
        guard let catalog = catalog(request) else { return unknownVersion(request) }
        let id = context.parameters.get("id") ?? ""
        guard let product = catalog.product(id) else {
            return Responses.problem(.notFound, title: "no such product", detail: "no product `\(id)` in version \(catalog.version.short)",
                                     extra: [("field", .string("id"))])
        }
        return Responses.json(.object([("version", .string(catalog.version.hash)), ("product", ProductJSON.summary(product))]))
    }

    func unknownVersion(_ request: Request) -> Response {
        Responses.problem(.notFound, title: "unknown configuration version",
                          detail: "no catalog version matches the `version` query parameter",
                          extra: [("field", .string("version"))])
    }
}
