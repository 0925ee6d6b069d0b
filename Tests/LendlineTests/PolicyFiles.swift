import Foundation

/// Files for the policy commands' tests: a fresh temporary folder per test, and the shipped policies.
enum PolicyFiles {
    /// A new empty folder under the system's temporary directory.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lendline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` inside `folder` (creating sub-folders), returning the file's path.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The path of a shipped policy, `policies/NAME.yaml`.
    static func shipped(_ name: String) -> String { repositoryRoot + "/policies/\(name).yaml" }

    /// The text of a shipped policy.
    static func shippedText(_ name: String) throws -> String {
        try String(contentsOfFile: shipped(name), encoding: .utf8)
    }
}
