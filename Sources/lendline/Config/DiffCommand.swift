import ArgumentParser
import Catalog
import Rules

/// `lendline diff`: what changed between two versions of the configuration, in domain terms.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two configuration trees (git revisions or directories).",
        discussion: """
            lendline diff --from main --to HEAD        two git revisions of the tree in --config
            lendline diff OLD_DIR NEW_DIR              two directories
            """)

    @Option(help: "The older git revision.") var from: String?
    @Option(help: "The newer git revision (default: the working tree).") var to: String?
    @Option(help: "The configuration tree (a git checkout when --from is used).") var config = "."
    @Argument(help: "Two directories to compare instead of git revisions.") var directories: [String] = []

    func validate() throws {
        if from == nil && directories.count != 2 {
            throw ValidationError("give --from REV [--to REV], or two directories")
        }
        if from != nil && !directories.isEmpty {
            throw ValidationError("give either --from/--to or two directories, not both")
        }
    }

    func run() throws {
        do {
            let old = try compile(try oldTree())
            let new = try compile(try newTree())
            let lines = CatalogDiff.compare(old, new)
            print("\(old.version.short) → \(new.version.short)")
            print(lines.isEmpty ? "no changes" : lines.joined(separator: "\n"))
        } catch {
            if !error.diagnostics.isEmpty { standardError(DiagnosticsReport.render(error)) }
            throw ExitCode(2)
        }
    }

    func oldTree() throws(DiagnosticsError) -> ConfigTree {
        if let from { return try ConfigTree.read(gitRevision: from, directory: config) }
        return try ConfigTree.read(directory: directories[0])
    }

    func newTree() throws(DiagnosticsError) -> ConfigTree {
        if from != nil {
            if let to { return try ConfigTree.read(gitRevision: to, directory: config) }
            return try ConfigTree.read(directory: config)
        }
        return try ConfigTree.read(directory: directories[1])
    }

    func compile(_ tree: ConfigTree) throws(DiagnosticsError) -> Catalog {
        switch CatalogCompiler.compile(tree) {
        case .success(let catalog): return catalog
        case .failure(let error):
            // Quote the lines of the tree that failed, which may not be on disk.
            standardError(DiagnosticsReport.render(error, sources: tree.texts))
            throw DiagnosticsError([])
        }
    }
}
