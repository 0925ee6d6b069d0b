import Crypto
import Foundation
import Rules

/// A snapshot of a configuration tree: the text of every file under `products/`, `policies/`,
/// `workflows/` and `templates/`, by path relative to the tree's root. The catalog is compiled from a
/// snapshot, never from files that may change underneath it.
public struct ConfigTree: Sendable, Hashable {
    /// Files sorted by relative path.
    public let files: [ConfigSource]

    /// The folders a tree is made of and the file endings each holds.
    public static let folders: [(name: String, endings: [String])] = [
        ("products", [".yaml"]), ("policies", [".yaml"]), ("workflows", [".yaml"]), ("templates", [".xhtml"]),
    ]

    /// Most files a tree may hold.
    public static let maxFiles = 5_000

    public init(files: [ConfigSource]) {
        self.files = files.sorted { $0.displayPath < $1.displayPath }
    }

    /// The files of the tree rooted at `directory`; missing folders are empty.
    public static func read(directory: String) throws(DiagnosticsError) -> ConfigTree {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var sources: [ConfigSource] = []
        for folder in folders {
            for relative in listFiles(root: root, folder: folder.name, endings: folder.endings) {
                sources.append(try ConfigSource.read(path: root + "/" + relative, displayPath: relative))
                if sources.count > maxFiles {
                    let at = SourceLocation(file: folder.name, line: 1, column: 1)
                    throw DiagnosticsError([Diagnostic(at: at, "the tree has more than \(maxFiles) files")])
                }
            }
        }
        return ConfigTree(files: sources)
    }

    /// Relative paths of files under `root/folder` with one of `endings`, at any depth, sorted.
    static func listFiles(root: String, folder: String, endings: [String]) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder) else { return [] }
        var paths: [String] = []
        while let entry = enumerator.nextObject() as? String {
            let name = entry.split(separator: "/").last.map(String.init) ?? entry
            guard !name.hasPrefix("."), endings.contains(where: { name.hasSuffix($0) }) else { continue }
            paths.append(folder + "/" + entry)
        }
        return paths.sorted()
    }

    /// The files in `folder` (one level or deeper) with `ending`.
    public func files(in folder: String, ending: String = ".yaml") -> [ConfigSource] {
        files.filter { $0.displayPath.hasPrefix(folder + "/") && $0.displayPath.hasSuffix(ending) }
    }

    /// SHA-256 over every file's path and text, as lowercase hex: the catalog's version.
    public var contentHash: String {
        var hasher = SHA256()
        for file in files {
            let text = Data(file.text.utf8)
            hasher.update(data: Data(file.displayPath.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: Data(String(text.count).utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: text)
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The texts by path, for quoting lines in diagnostics.
    public var texts: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.displayPath, $0.text) })
    }
}

extension ConfigTree {
    /// The tree as it was at git `revision` in the checkout holding `directory`.
    public static func read(gitRevision revision: String, directory: String) throws(DiagnosticsError) -> ConfigTree {
        guard GitRevision.run(["-C", directory, "rev-parse", "--verify", "--quiet", revision + "^{commit}"]) != nil else {
            let at = SourceLocation.commandLine(revision)
            throw DiagnosticsError([Diagnostic(at: at, "`\(revision)` is not a commit of the git checkout at \(directory)")])
        }
        var sources: [ConfigSource] = []
        for folder in folders {
            for path in GitRevision.list(directory: directory, revision: revision, folder: folder.name)
            where folder.endings.contains(where: { path.hasSuffix($0) }) {
                guard let text = GitRevision.show(directory: directory, revision: revision, path: path) else { continue }
                sources.append(ConfigSource(text: text, displayPath: path))
            }
        }
        return ConfigTree(files: sources)
    }
}
