import ArgumentParser
import Catalog
import Foundation
import Rules

/// `lendline validate [DIR]`: compiles the whole configuration tree and reports every error.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Compile products/, policies/, workflows/ and templates/; print every error and a summary.",
        discussion: "Exit status 0 when the tree compiles, 2 when it has errors. Fast enough for a pre-commit hook.")

    @Argument(help: "The configuration tree (default: the current directory).") var directory = "."

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let tree: ConfigTree
        do { tree = try ConfigTree.read(directory: directory) } catch {
            standardError(DiagnosticsReport.render(error))
            throw ExitCode(2)
        }
        let result = CatalogCompiler.compile(tree, gitCommit: GitRevision.describe(directory: directory))
        let elapsed = clock.now - start
        switch result {
        case .success(let catalog):
            let c = catalog.counts
            var settings = ""
            if catalog.assetClassification != nil { settings += ", asset classification" }
            if let chart = catalog.accounting { settings += ", chart of accounts (\(chart.accounts.count) accounts)" }
            if let roles = catalog.roles { settings += ", \(roles.roles.count) staff roles" }
            print("ok: \(c.products) products, \(c.policies) policies, \(c.workflows) workflows, "
                + "\(c.templates) templates\(settings); version \(catalog.version) in \(format(elapsed.milliseconds)) ms")
        case .failure(let error):
            standardError(DiagnosticsReport.render(error, sources: tree.texts))
            standardError("failed in \(format(elapsed.milliseconds)) ms")
            throw ExitCode(2)
        }
    }
}

/// Writes a line to standard error.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
