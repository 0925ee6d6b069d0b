import Catalog
import Foundation
import Rules
import Testing
import Workflow

/// The workflows shipped in `workflows/`, loaded once (the only file reading the runtime tests do).
enum Shipped {
    /// The repository root, found from this file: `Tests/WorkflowTests/Support/Shipped.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let loaded: Result<[String: CompiledWorkflow], DiagnosticsError> =
        WorkflowLoader.loadAll(directory: repositoryRoot.appendingPathComponent("workflows").path)

    /// The shipped workflow called `name`.
    static func workflow(_ name: String) throws -> CompiledWorkflow {
        switch loaded {
        case .success(let workflows): return try #require(workflows[name], "no shipped workflow `\(name)`")
        case .failure(let error):
            Issue.record("the shipped workflows do not compile:\n\(DiagnosticsReport.render(error))")
            throw error
        }
    }
}
