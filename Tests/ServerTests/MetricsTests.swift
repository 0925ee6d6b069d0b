import Catalog
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Testing

@Suite("Prometheus metrics at /metrics")
struct MetricsTests {
    /// The value of the series `line` starts with (`name{labels}`), or nil when it is not shown.
    static func value(_ series: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    func scrape(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/metrics", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            return String(buffer: response.body)
        }
    }

    @Test("a rejected reload counts as failed, a good one as ok and shows the new version")
    func reloads() async throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let catalog = try CatalogCompiler.load(directory: tree.path).get()
        let registry = CatalogRegistry(initial: catalog, directory: tree.path)
        let metrics = ServerMetrics(served: catalog.version)
        let router = LendlineServer.router(
            registry: registry, logger: Logger(label: "test"), metrics: metrics, api: .configOnly)
        let original = catalog.version.hash
        try await Application(router: router).test(.router) { client in
            let before = try await scrape(client)
            #expect(Self.value(#"lendline_config_reloads_total{result="failed"}"#, in: before) == 0)
            #expect(Self.value(#"lendline_config_reloads_total{result="ok"}"#, in: before) == 0)
            #expect(Self.value(#"lendline_config_version_info{hash="\#(original)"}"#, in: before) == 1)

            try tree.edit("products/personal-loan.yaml") {
                $0.replacingOccurrences(of: "tenure: 36", with: "tenur: 36")
            }
            try await client.execute(uri: "/admin/config/reload", method: .post) { response in
                #expect(response.status == .unprocessableContent)
            }
            let failed = try await scrape(client)
            #expect(Self.value(#"lendline_config_reloads_total{result="failed"}"#, in: failed) == 1)
            #expect(Self.value(#"lendline_config_reloads_total{result="ok"}"#, in: failed) == 0)
            #expect(Self.value(#"lendline_config_version_info{hash="\#(original)"}"#, in: failed) == 1)

            try tree.edit("products/personal-loan.yaml") {
                $0.replacingOccurrences(of: "tenur: 36", with: "tenure: 48")
            }
            try await client.execute(uri: "/admin/config/reload", method: .post) { response in
                #expect(response.status == .ok)
            }
            let reloaded = try await scrape(client)
            let current = registry.current.version.hash
            #expect(current != original)
            #expect(Self.value(#"lendline_config_reloads_total{result="failed"}"#, in: reloaded) == 1)
            #expect(Self.value(#"lendline_config_reloads_total{result="ok"}"#, in: reloaded) == 1)
            #expect(Self.value(#"lendline_config_version_info{hash="\#(current)"}"#, in: reloaded) == 1)
            #expect(!reloaded.contains(original), "the old version's series is gone")
        }
    }

    @Test("requests are counted and timed by route pattern and status")
    func requests() async throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let catalog = try CatalogCompiler.load(directory: tree.path).get()
        let registry = CatalogRegistry(initial: catalog, directory: tree.path)
        let metrics = ServerMetrics(served: catalog.version)
        let router = LendlineServer.router(
            registry: registry, logger: Logger(label: "test"), metrics: metrics, api: .configOnly)
        try await Application(router: router).test(.router) { client in
            for id in ["personal-loan", "home-loan", "no-such"] {
                try await client.execute(uri: "/api/v1/products/\(id)", method: .get) { _ in }
            }
            try await client.execute(uri: "/nowhere/\(UUID())", method: .get) { response in
                #expect(response.status == .notFound)
            }
            let text = try await scrape(client)
            let route = #"method="GET",route="/api/v1/products/{id}""#
            #expect(Self.value("lendline_http_requests_total{\(route),status=\"200\"}", in: text) == 2)
            #expect(Self.value("lendline_http_requests_total{\(route),status=\"404\"}", in: text) == 1)
            #expect(
                Self.value(#"lendline_http_requests_total{method="GET",route="unmatched",status="404"}"#, in: text) == 1
            )
            #expect(Self.value("lendline_http_request_duration_seconds_count{\(route),status=\"200\"}", in: text) == 2)
            #expect(
                text.contains("lendline_http_request_duration_seconds_bucket{\(route),status=\"200\",le=\"0.005\"}"))
        }
    }

    @Test("servers in one process keep their own counts; the process backend is set once")
    func separateRegistries() {
        let a = ServerMetrics(), b = ServerMetrics()
        a.record(.unchanged(CatalogVersion(hash: "x", gitCommit: nil)))
        #expect(Self.value(#"lendline_config_reloads_total{result="unchanged"}"#, in: a.exposition()) == 1)
        #expect(Self.value(#"lendline_config_reloads_total{result="unchanged"}"#, in: b.exposition()) == 0)
        let first = a.bootstrapProcess()
        #expect(b.bootstrapProcess() == false)
        #expect(a.bootstrapProcess() == false)
        _ = first
    }
}
