import Catalog
import Foundation
import Rules

/// Applications to decide, read from a JSON file (one object) or a JSON Lines file (one object per
/// line) and checked against the declared inputs of one or more policies (a backtest reads each case
/// for both versions). A case may carry an `"id"` (unless a policy declares an input of that name),
/// echoed with its decision.
struct CaseFile {
    /// One application: where it was written, its id, its inputs for each policy in turn.
    struct Case {
        var line: Int
        var id: String?
        var inputs: [InputValues]
    }

    /// Largest case file read: 256 MiB.
    static let maxBytes = 256 << 20
    /// Most cases in one file.
    static let maxCases = 1_000_000
    /// Reading stops after this many errors.
    static let maxDiagnostics = 100

    /// The one case in the JSON file at `path`.
    static func single(path: String, policies: [CompiledPolicy]) throws(DiagnosticsError) -> Case {
        let source = try ConfigSource.read(path: path)
        let root: ConfigNode
        do { root = try source.parse() } catch { throw DiagnosticsError(error.diagnostics.map(json)) }
        return try read(root, line: root.location.line, policies: policies)
    }

    /// Every case of the JSON Lines file at `path`, in order; blank lines are skipped. All problems
    /// (up to `maxDiagnostics`) are reported together.
    static func lines(path: String, policies: [CompiledPolicy]) throws(DiagnosticsError) -> [Case] {
        let text = try readText(path)
        var cases: [Case] = []
        var diagnostics: [Diagnostic] = []
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            guard diagnostics.count < maxDiagnostics else { break }
            guard cases.count < maxCases else {
                let at = SourceLocation(file: path, line: number, column: 1)
                throw DiagnosticsError([Diagnostic(at: at, "the file holds more than \(maxCases) cases")])
            }
            do {
                let root = try ConfigDocument.parse(String(line), file: path)
                cases.append(try read(root, line: number, policies: policies))
            } catch {
                diagnostics += error.diagnostics.map { moved($0, toLine: number, length: line.unicodeScalars.count) }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return cases
    }

    /// The case in `root`, checked against each policy's inputs; a key any of them declares is allowed.
    static func read(_ root: ConfigNode, line: Int, policies: [CompiledPolicy]) throws(DiagnosticsError) -> Case {
        let declared = Set(policies.flatMap(\.declarations.names))
        let idKey = declared.contains("id") ? nil : "id"
        var inputs: [InputValues] = []
        var diagnostics: [Diagnostic] = []
        for policy in policies {
            let others = declared.subtracting(policy.declarations.names).union([idKey].compactMap { $0 })
            switch PolicyInputReader.read(root, for: policy, allowing: others) {
            case .success(let values): inputs.append(values)
            case .failure(let error): diagnostics += error.diagnostics.filter { !diagnostics.contains($0) }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        let id = idKey.flatMap { key in root.entries?.first { $0.key == key }?.value.scalar?.text }
        return Case(line: line, id: id, inputs: inputs)
    }

    static func readText(_ path: String) throws(DiagnosticsError) -> String {
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([Diagnostic(at: at, "cannot read the file (it is missing or unreadable)")])
        }
        guard data.count <= maxBytes else {
            throw DiagnosticsError([Diagnostic(at: at, "the file is larger than \(maxBytes >> 20) MiB")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(at: at, "the file is not valid UTF-8 text")])
        }
        return text
    }

    /// A diagnostic of a line parsed on its own, moved to line `number` of the file (a syntax error
    /// found past the line's end points just after it), worded for JSON.
    static func moved(_ diagnostic: Diagnostic, toLine number: Int, length: Int) -> Diagnostic {
        var moved = json(diagnostic)
        if moved.location.line > 1 { moved.location.column = length + 1 }
        moved.location.line = number
        return moved
    }

    /// A YAML syntax error reworded for a JSON file, without libyaml's own line numbers.
    static func json(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.message.hasPrefix("invalid YAML: ") else { return diagnostic }
        var message = "invalid JSON: " + diagnostic.message.dropFirst("invalid YAML: ".count)
        if let open = message.range(of: " (line ", options: .backwards), message.hasSuffix(")") {
            message = String(message[..<open.lowerBound])
        }
        var reworded = diagnostic
        reworded.message = message
        return reworded
    }

    /// Case-file diagnostics as `file:line:col: error: message` lines and a count, without quoting
    /// the lines: they hold borrower data.
    static func render(_ error: DiagnosticsError) -> String {
        DiagnosticRenderer(sources: [:]).render(error.diagnostics)
    }
}
