import Catalog
import Foundation
import Rules
import Rules
import Testing

@Suite("The catalog: one version of the whole tree")
struct CatalogCompilerTests {
    func tree(_ files: [String: String]) -> ConfigTree {
        ConfigTree(files: files.map { ConfigSource(text: $0.value, displayPath: $0.key) })
    }

    static let product = """
        product: p
        name: P
        currency: INR
        category: retail
        secured: false
        rate_type: fixed
        limits:
          principal: { min: 1000, max: 100000 }
          tenure: { min: 1, max: 12 }
          rate: { min: 10%, max: 20% }
        """

    @Test("the version is the SHA-256 of paths and texts: stable, and changed by any edit")
    func contentHash() {
        let a = tree(["products/p.yaml": Self.product])
        #expect(a.contentHash == tree(["products/p.yaml": Self.product]).contentHash)
        #expect(a.contentHash != tree(["products/p.yaml": Self.product + "\n"]).contentHash)
        #expect(a.contentHash != tree(["products/q.yaml": Self.product]).contentHash)
        #expect(a.contentHash.count == 64)
        // SHA-256 of the empty input (no files).
        #expect(tree([:]).contentHash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("errors from every file are reported together")
    func allErrorsAtOnce() throws {
        let broken = tree([
            "products/p.yaml": Self.product.replacingOccurrences(of: "name: P", with: "nmae: P"),
            "products/q.yaml": "product: q\n",
            "policies/calendars/c.yaml": "calendar: c\nweekly_off: [sonday]\n",
        ])
        let error = try #require(throws: DiagnosticsError.self) { try CatalogCompiler.compile(broken).get() }
        let files = Set(error.diagnostics.map(\.location.file))
        #expect(files == ["products/p.yaml", "products/q.yaml", "policies/calendars/c.yaml"])
    }

    @Test("a product naming an unknown calendar is a cross-reference error")
    func unknownCalendar() throws {
        let t = tree(["products/p.yaml": Self.product + "\ncalendar: nowhere\n"])
        let error = try #require(throws: DiagnosticsError.self) { try CatalogCompiler.compile(t).get() }
        #expect(error.diagnostics.map(\.message).contains { $0.hasPrefix("unknown calendar `nowhere`") })
    }

    @Test("the shipped tree compiles")
    func shippedTree() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let catalog = try CatalogCompiler.load(directory: root).get()
        #expect(catalog.products.count >= 6)
        #expect(catalog.calendars["india-banks"] != nil)
    }

    @Test("a registry keeps the old version on a failed reload and can recompile a pinned version from stored sources")
    func registryPinning() throws {
        let first = tree(["products/p.yaml": Self.product])
        let store = InMemoryCatalogSourceStore()
        let registry = CatalogRegistry(initial: try CatalogCompiler.compile(first).get(), directory: "/nonexistent", store: store)
        let old = registry.current.version.hash
        if case .failed = registry.reload(tree(["products/p.yaml": "product: p\n"])) {} else { Issue.record("expected a failure") }
        #expect(registry.current.version.hash == old)
        let second = tree(["products/p.yaml": Self.product.replacingOccurrences(of: "name: P", with: "name: P2")])
        guard case .swapped(let from, let to) = registry.reload(second) else { Issue.record("expected a swap"); return }
        #expect(from.hash == old && to.hash == second.contentHash)
        if case .unchanged = registry.reload(second) {} else { Issue.record("expected unchanged") }
        #expect(store.hashes.sorted() == [old, second.contentHash].sorted())
        // A fresh registry over the same store can still compile the first version.
        let other = CatalogRegistry(initial: try CatalogCompiler.compile(second).get(), directory: "/nonexistent", store: store)
        #expect(other.catalog(version: old)?.product("p")?.name == "P")
        #expect(other.catalog(version: String(old.prefix(12))) != nil || other.catalog(version: old) != nil)
        #expect(registry.statistics.failed == 1 && registry.statistics.succeeded == 1 && registry.statistics.unchanged == 1)
    }
}

@Suite("Cross-references between files")
struct CrossReferenceTests {
    static let workflow = """
        workflow: flow
        events: [finish]
        initial: open
        states:
          open:
            on:
              finish: { to: done }
          done: { final: true }
        """

    @Test("a product naming a workflow, policy or template that does not exist: golden diagnostics")
    func golden() throws {
        let product = CatalogCompilerTests.product + """

            workflow: flwo
            servicing_workflow: flow
            policy: underwriting
            documents: [kfs]
            """
        let tree = ConfigTree(files: [ConfigSource(text: product, displayPath: "products/p.yaml"),
                                      ConfigSource(text: Self.workflow, displayPath: "workflows/flow.yaml")])
        let error = try #require(throws: DiagnosticsError.self) { try CatalogCompiler.compile(tree).get() }
        #expect(DiagnosticsReport.render(error, sources: tree.texts) == """
            products/p.yaml:11:11: error: unknown workflow `flwo`; did you mean `flow`? (known: flow)
               |
            11 | workflow: flwo
               |           ^~~~
            products/p.yaml:13:9: error: unknown policy `underwriting` (there are none in policies/)
               |
            13 | policy: underwriting
               |         ^~~~~~~~~~~~
            products/p.yaml:14:13: error: unknown template `kfs` (there are none in templates/)
               |
            14 | documents: [kfs]
               |             ^~~
            3 errors
            """)
    }

    @Test("references that exist compile, and the catalog holds the workflow")
    func resolved() throws {
        let product = CatalogCompilerTests.product + "\nworkflow: flow\n"
        let tree = ConfigTree(files: [ConfigSource(text: product, displayPath: "products/p.yaml"),
                                      ConfigSource(text: Self.workflow, displayPath: "workflows/flow.yaml")])
        let catalog = try CatalogCompiler.compile(tree).get()
        #expect(catalog.workflows["flow"] != nil)
        #expect(catalog.product("p")?.references.workflow?.value == "flow")
    }
}
