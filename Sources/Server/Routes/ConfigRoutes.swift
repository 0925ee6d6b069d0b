import Catalog
import Hummingbird
import Logging

/// Routes that show and reload the configuration: `/health`, `/config/version`,
/// `POST /admin/config/reload`, and the catalog's products.
struct ConfigRoutes: Sendable {
    let registry: CatalogRegistry
    let metrics: ServerMetrics
    let logger: Logger

    var routes: [APIRoute] {
        let version = APIParameter(name: "version", place: .query, description: "a catalog version hash (pinned)")
        return [
            APIRoute(
                method: .get, path: "/health", permission: nil, summary: "Liveness", tag: "system",
                responseSchema: LoanSchemas.response([("status", Schemas.string)]),
                handler: .plain { _ in Responses.json(.object([("status", .string("ok"))])) }),
            APIRoute(
                method: .get, path: "/config/version", permission: .productsRead,
                summary: "The configuration version serving and reload counts", tag: "configuration",
                handler: .plain { _ in self.version() }),
            APIRoute(
                method: .post, path: "/admin/config/reload", permission: .configReload,
                summary: "Reload the configuration; a failing reload keeps the old version", tag: "configuration",
                handler: .plain { _ in self.reload() }),
            APIRoute(
                method: .get, path: "/api/v1/products", permission: .productsRead, summary: "The products",
                tag: "configuration", parameters: [version], handler: .plain { self.products($0) }),
            APIRoute(
                method: .get, path: "/api/v1/products/{id}", permission: .productsRead, summary: "One product",
                tag: "configuration",
                parameters: [
                    APIParameter(name: "id", place: .path, description: "product id", required: true), version,
                ],
                handler: .plain { self.product($0) }),
        ]
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
            (
                "reloads",
                .object([
                    ("succeeded", .int(stats.succeeded)), ("failed", .int(stats.failed)),
                    ("unchanged", .int(stats.unchanged)),
                ])
            ),
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
            return Responses.json(
                .object([
                    ("outcome", .string("reloaded")), ("from", .string(from.hash)),
                    ("to", .string(to.hash)),
                ]))
        case .unchanged(let version):
            return Responses.json(.object([("outcome", .string("unchanged")), ("version", .string(version.hash))]))
        case .failed(let error, _):
            let report = outcome.report ?? ""
            logger.error("configuration reload rejected; the old version keeps serving\n\(report)")
            let errors: [JSONValue] = error.diagnostics.map { d in
                .object([("location", .string(d.location.description)), ("message", .string(d.message))])
            }
            return Responses.problem(
                .unprocessableContent, title: "configuration has errors",
                detail: "the reload was rejected; version \(registry.current.version.short) keeps serving",
                extra: [("errors", .array(errors)), ("report", .string(report))])
        }
    }

    /// The catalog a request asks for: `?version=HASH` (pinned) or the current one.
    func catalog(_ call: APICall) -> Catalog? {
        guard let hash = call.query["version"] else { return registry.current }
        return registry.catalog(version: hash)
    }

    func products(_ call: APICall) -> Response {
        guard let catalog = catalog(call) else { return unknownVersion() }
        let list = catalog.products.keys.sorted().map { id in ProductJSON.summary(catalog.products[id]!) }
        return Responses.json(.object([("version", .string(catalog.version.hash)), ("products", .array(list))]))
    }

    func product(_ call: APICall) -> Response {
        guard let catalog = catalog(call) else { return unknownVersion() }
        let id = call.parameter("id")
        guard let product = catalog.product(id) else {
            return Responses.problem(
                .notFound, title: "no such product", detail: "no product `\(id)` in version \(catalog.version.short)",
                extra: [("field", .string("id"))])
        }
        return Responses.json(
            .object([("version", .string(catalog.version.hash)), ("product", ProductJSON.summary(product))]))
    }

    func unknownVersion() -> Response {
        Responses.problem(
            .notFound, title: "unknown configuration version",
            detail: "no catalog version matches the `version` query parameter",
            extra: [("field", .string("version"))])
    }
}
