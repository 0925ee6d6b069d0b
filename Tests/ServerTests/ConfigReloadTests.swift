import Catalog
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A copy of the shipped configuration in a temporary directory that a test may edit.
struct ScratchTree {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lendline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for folder in ["products", "policies", "workflows", "templates"] {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/" + folder, toPath: path + "/" + folder)
        }
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let full = path + "/" + file
        try change(try String(contentsOfFile: full, encoding: .utf8)).write(toFile: full, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("Configuration over HTTP and hot reload")
struct ConfigReloadTests {
    func registry(_ tree: ScratchTree) throws -> CatalogRegistry {
        let catalog = try CatalogCompiler.load(directory: tree.path).get()
        return CatalogRegistry(initial: catalog, directory: tree.path)
    }

    func decode(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    @Test("health and version")
    func healthAndVersion() async throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let registry = try registry(tree)
        let app = Application(
            router: LendlineServer.router(registry: registry, logger: Logger(label: "test"), api: .configOnly))
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/config/version", method: .get) { response in
                let body = try decode(response.body)
                #expect(body["version"] as? String == registry.current.version.hash)
                #expect(body["products"] as? Int == 6)
            }
            try await client.execute(uri: "/api/v1/products/no-such", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("a broken edit is rejected while requests keep succeeding; a good edit is served; the old version stays resolvable")
    func reloadUnderLoad() async throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let registry = try registry(tree)
        let original = registry.current.version.hash
        let app = Application(
            router: LendlineServer.router(registry: registry, logger: Logger(label: "test"), api: .configOnly))
        try await app.test(.router) { client in
            let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                // A loop of product lookups runs throughout both reloads.
                for _ in 0..<4 {
                    group.addTask {
                        var failed = 0
                        for _ in 0..<150 {
                            try await client.execute(uri: "/api/v1/products/personal-loan", method: .get) { response in
                                if response.status != .ok { failed += 1 }
                            }
                        }
                        return failed
                    }
                }
                group.addTask {
                    try tree.edit("products/personal-loan.yaml") { $0.replacingOccurrences(of: "tenure: 36", with: "tenur: 36") }
                    try await client.execute(uri: "/admin/config/reload", method: .post) { response in
                        #expect(response.status == .unprocessableContent)
                        let body = try decode(response.body)
                        let errors = try #require(body["errors"] as? [[String: Any]])
                        #expect(errors.contains { ($0["location"] as? String)?.hasPrefix("products/personal-loan.yaml:") == true })
                    }
                    #expect(registry.current.version.hash == original)
                    try tree.edit("products/personal-loan.yaml") {
                        $0.replacingOccurrences(of: "tenur: 36", with: "tenure: 48")
                    }
                    try await client.execute(uri: "/admin/config/reload", method: .post) { response in
                        #expect(response.status == .ok)
                    }
                    return 0
                }
                return try await group.reduce(0, +)
            }
            #expect(failures == 0)
            #expect(registry.current.version.hash != original)
            #expect(registry.statistics.failed == 1)
            #expect(registry.statistics.succeeded == 1)
            // The old version is still served when asked for by hash.
            try await client.execute(uri: "/api/v1/products/personal-loan?version=\(original)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try decode(response.body)
                #expect(body["version"] as? String == original)
            }
            try await client.execute(uri: "/api/v1/products?version=0000", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        let pinned = try #require(registry.catalog(version: original))
        #expect(pinned.product("personal-loan")?.defaults.tenure?.value == 36)
        #expect(registry.current.product("personal-loan")?.defaults.tenure?.value == 48)
    }
}
