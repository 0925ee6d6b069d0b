import Foundation
import Testing

/// Golden files: the expected text lives next to the fixture; `LENDLINE_UPDATE_GOLDEN=1` rewrites
/// it in the source tree from what the code now produces (read the diff before committing it).
enum Golden {
    /// The fixtures folder as bundled with the tests.
    static var bundledFixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// This file: `Tests/CatalogTests/Support/Golden.swift`.
    static let thisFile = URL(fileURLWithPath: #filePath)

    /// The fixtures folder in the source tree (for rewriting goldens).
    static func sourceFixtures() -> URL {
        thisFile.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The repository root (for the shipped `products/` and `policies/`).
    static func repositoryRoot() -> URL {
        thisFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["LENDLINE_UPDATE_GOLDEN"] == "1" }

    /// The sub-folders of `Fixtures/<group>`, sorted: one test case each.
    static func cases(_ group: String) -> [String] {
        let folder = bundledFixtures.appendingPathComponent(group)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The text of `Fixtures/<group>/<name>/<file>`, or `nil` when there is no such file.
    static func text(_ group: String, _ name: String, _ file: String) -> String? {
        let url = bundledFixtures.appendingPathComponent(group).appendingPathComponent(name).appendingPathComponent(
            file)
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// Compares `actual` with the case's `expected.txt` (or `file`), or rewrites it when updating.
    static func check(_ actual: String, group: String, name: String, file: String = "expected.txt") throws {
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        if updating {
            let folder = sourceFixtures().appendingPathComponent(group).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(Golden.text(group, name, file), "missing \(group)/\(name)/\(file)")
        #expect(text == expected, "\(group)/\(name): the output differs from \(file)")
    }
}
