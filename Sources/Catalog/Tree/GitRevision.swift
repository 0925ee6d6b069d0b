import Foundation

/// Reads a configuration tree's git commit with the `git` command, when there is one.
public enum GitRevision {
    /// The short commit of the checkout holding `directory`, with `+changes` when the config folders
    /// differ from it; `nil` when `directory` is not in a git checkout or git is not installed.
    public static func describe(directory: String) -> String? {
        guard let commit = run(["-C", directory, "rev-parse", "--short=12", "HEAD"]), !commit.isEmpty else { return nil }
        let folders = ConfigTree.folders.map(\.name)
        let status = run(["-C", directory, "status", "--porcelain", "--"] + folders) ?? ""
        return status.isEmpty ? commit : commit + "+changes"
    }

    /// The text of `path` at `revision` in the checkout holding `directory`, or `nil`.
    public static func show(directory: String, revision: String, path: String) -> String? {
        run(["-C", directory, "show", "\(revision):./\(path)"], trim: false)
    }

    /// Paths of files at `revision` under `folder`.
    public static func list(directory: String, revision: String, folder: String) -> [String] {
        guard let text = run(["-C", directory, "ls-tree", "-r", "--name-only", revision, "--", folder]) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    static func run(_ arguments: [String], trim: Bool = true) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else { return nil }
        return trim ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    }
}
