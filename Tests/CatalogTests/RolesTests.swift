import Catalog
import Identity
import Testing

/// Golden diagnostics of `policies/roles.yaml` (each folder of `Fixtures/roles/` holds a `roles.yaml`
/// and `expected.txt`), and the roles' lines in `lendline diff`.
@Suite struct RolesTests {
    @Test(arguments: Golden.cases("roles"))
    func goldenCase(_ name: String) throws {
        let text = try #require(Golden.text("roles", name, "roles.yaml"))
        let tree = ConfigTree(files: [ConfigSource(text: text, displayPath: AccessPolicy.path)])
        guard case .failure(let error) = CatalogCompiler.compile(tree) else {
            Issue.record("roles/\(name): the catalog compiled without errors")
            return
        }
        try Golden.check(DiagnosticsReport.render(error, sources: tree.texts), group: "roles", name: name)
    }

    static let base = """
        roles:
          credit-manager:
            description: Approves
            permissions: [loans.read, waivers.approve]
          collections:
            description: Requests
            permissions: [loans.read, waivers.request]
        maker_checker:
          waivers: { request: waivers.request, approve: waivers.approve }
        sign_in: { token_minutes: 15, failed_attempts: 5, lockout_minutes: 30 }

        """

    func catalog(_ text: String) throws -> Catalog {
        try CatalogCompiler.compile(ConfigTree(files: [ConfigSource(text: text, displayPath: AccessPolicy.path)])).get()
    }

    @Test func diffSpeaksInRolesAndPermissions() throws {
        var changed = Self.base.replacingOccurrences(
            of: "[loans.read, waivers.approve]", with: "[loans.read, waivers.approve, restructures.approve]")
        changed = changed.replacingOccurrences(of: "token_minutes: 15", with: "token_minutes: 10")
        changed = changed.replacingOccurrences(of: "[loans.read, waivers.request]", with: "[waivers.request]")
        #expect(CatalogDiff.compare(try catalog(Self.base), try catalog(changed)) == [
            "role credit-manager: + restructures.approve",
            "role collections: − loans.read",
            "roles: token minutes 15 → 10",
        ])
    }

    @Test func loadedRolesGrantTheirPermissions() throws {
        let roles = try #require(try catalog(Self.base).roles)
        #expect(roles.permissions(of: ["collections"]) == [.loansRead, .waiversRequest])
        #expect(roles.permissions(of: ["collections", "credit-manager"]).contains(.waiversApprove))
        #expect(roles.permissions(of: ["unknown"]).isEmpty)
    }
}
