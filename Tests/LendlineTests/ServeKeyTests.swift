import ArgumentParser
import Catalog
import Foundation
import Logging
import Testing
@testable import lendline

/// `lendline serve` seals borrowers' data with a key of the lender's own: without one it refuses to
/// start (exit 2, naming the variable), unless it is a development run.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["LENDLINE_PII_KEY"] == nil
                    && ProcessInfo.processInfo.environment["LENDLINE_PII_KEY_FILE"] == nil))
struct ServeKeyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func services(_ arguments: [String]) throws -> Result<Bool, ExitCode> {
        let command = try ServeCommand.parseAsRoot(["--config", Self.root] + arguments) as! ServeCommand
        let catalog = try CatalogCompiler.load(directory: Self.root).get()
        do {
            return .success(try command.applicationServices(catalog, Logger(label: "test")).keyring.isDevelopmentKey)
        } catch let code as ExitCode {
            return .failure(code)
        }
    }

    @Test("no key: refused with exit 2; --dev-token or --demo: the published development key")
    func keyRequired() throws {
        #expect(try services([]) == .failure(ExitCode(2)))
        #expect(try services(["--dev-token", "x"]) == .success(true))
        #expect(try services(["--demo"]) == .success(true))
    }
}
