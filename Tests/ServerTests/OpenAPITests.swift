import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Testing

/// `/openapi.json` comes from the same table that registers the routes.
@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every documented operation is routed, and every route is documented with its permission")
    func documentMatchesRoutes() async throws {
        let harness = try APIHarness()
        let table = LendlineServer.routeTable(
            registry: harness.registry, logger: .init(label: "test"),
            metrics: ServerMetrics(served: harness.registry.current.version),
            api: APIServices(authorizer: TestAuthorizer(), books: harness.books))
        try await harness.test { api in
            let document = try await api.get("/openapi.json", token: nil).json
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for (method, operation) in operations {
                    documented.insert("\(method.uppercased()) \(path)")
                    let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                    let needsPermission = (operation as? [String: Any])?["x-permission"] != nil
                    if needsPermission { #expect(responses["401"] != nil && responses["403"] != nil, "\(path)") }
                    // Each documented operation reaches a route: without credentials it is 401 or served.
                    let uri = path.replacingOccurrences(of: "{id}", with: "L-1")
                    let reply = try await api.send(HTTPRequest.Method(method.uppercased())!, uri, token: nil)
                    #expect(reply.status == (needsPermission ? .unauthorized : .ok), "\(method) \(path)")
                }
            }
            let routed = Set(table.map { "\($0.method.rawValue) \($0.path)" })
            #expect(routed == documented)
            #expect(
                routed.contains("POST /api/v1/loans/{id}/repayments") && routed.contains("GET /api/v1/trial-balance"))
            let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any]
            #expect(Set(schemes?.keys.map { $0 } ?? []) == ["bearer", "apiKey"])
        }
    }
}
