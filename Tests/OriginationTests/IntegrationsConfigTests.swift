import Catalog
import Foundation
import Rules
import Testing

/// `policies/integrations.yaml`: the shipped file, and each mistake reported at its place.
@Suite struct IntegrationsConfigTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func load(_ text: String) -> Result<IntegrationConfiguration, DiagnosticsError> {
        IntegrationsLoader.load(ConfigSource(text: text, displayPath: IntegrationConfiguration.path))
    }

    func messages(_ text: String) -> [String] {
        load(text).failure?.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } ?? []
    }

    static let allSimulated = IntegrationKind.allCases.map { "  \($0.rawValue): { adapter: simulator }" }.joined(separator: "\n")

    @Test func theShippedFileLoadsAndTheCatalogCompiles() throws {
        let source = try ConfigSource.read(path: Self.root + "/policies/integrations.yaml", displayPath: IntegrationConfiguration.path)
        let configuration = try load(source.text).get()
        #expect(configuration.settings.count == IntegrationKind.allCases.count)
        #expect(configuration[.creditBureau].retry == RetryPolicy(attempts: 3, backoffSeconds: 5, maxBackoffSeconds: 60))
        #expect(configuration[.creditBureau].timeoutSeconds == 15)
        #expect(configuration[.kyc].retry == RetryPolicy(attempts: 3, backoffSeconds: 5, maxBackoffSeconds: 60))
        #expect(configuration[.eSign].retry == .standard)
        #expect(IntegrationKind.allCases.allSatisfy { configuration[$0].adapter == .simulator })
        let catalog = try CatalogCompiler.load(directory: Self.root).get()
        #expect(catalog.policy("integrations") == nil)  // not taken for a policy
        #expect(IntegrationsLoader.load(catalog.tree).configuration == configuration)
    }

    @Test func anHTTPAdapterNamesItsEndpointAndCredential() throws {
        let text = "integrations:\n" + Self.allSimulated.replacingOccurrences(
            of: "  credit-bureau: { adapter: simulator }",
            with: "  credit-bureau:\n    adapter: http\n    endpoint: https://bureau.example.in/v1\n    credential: env:LENDLINE_BUREAU_KEY\n    timeout_seconds: 20")
        let bureau = try load(text).get()[.creditBureau]
        #expect(bureau.adapter == .http)
        #expect(bureau.endpoint == "https://bureau.example.in/v1")
        #expect(bureau.credential == .environment("LENDLINE_BUREAU_KEY"))
        #expect(bureau.timeoutSeconds == 20)
    }

    @Test func everyMistakeIsReportedAtItsPlace() {
        let text = """
            integrations:
              credit-bureau:
                adapter: htp
              kyc:
                adapter: http
                endpoint: http://kyc.example.in
                credential: sk_live_4eC39HqLyjWDarjtT1zdp7dc
              penny-drop: { adapter: simulator, endpoint: https://x.example.in }
              e-sign: { adapter: simulator, timeout_seconds: 0 }
              disbursement:
                adapter: simulator
                retries: { attempts: 3, backoff_seconds: 60, max_backoff_seconds: 30 }
              nach-mandat: { adapter: simulator }
              sms: { adapter: simulator, retry: 3 }
              email: { adapter: simulator }
            """
        let found = messages(text)
        // Columns counted by hand on the lines above (the literal's first 12 spaces are not in the text).
        #expect(found == [
            "1:1: missing required key `nach-mandate` in `integrations`",
            "3:14: `htp` is not an adapter; did you mean `http`? expected one of: simulator, http",
            "6:15: `kyc.endpoint` must be an https:// URL (plain http only to localhost)",
            "7:17: `kyc.credential` must name where the credential is kept, as `env:VARIABLE` or `secret:name` (an environment variable in capitals, or a secret's name); write the name, never the credential itself",
            "8:37: `penny-drop.endpoint` is only for `adapter: http`; a simulator calls nothing outside",
            "9:50: `e-sign.timeout_seconds` must be from 1 to 300, found `0`",
            "12:71: `retries.max_backoff_seconds` (30) must be at least `backoff_seconds` (60)",
            "13:3: unknown key `nach-mandat` in `integrations`; did you mean `nach-mandate`?",
            "14:30: unknown key `retry` in `sms`; expected one of: adapter, endpoint, credential, timeout_seconds, retries, description",
        ])
        #expect(!found.joined().contains("sk_live"))
    }
}
