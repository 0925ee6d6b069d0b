import Rules
import Yams

/// Runs `Yams.compose`, turning its errors into diagnostics.
///
/// Yams refuses a mapping with a duplicate key before handing back any tree, and names only the
/// first occurrence. To report the duplicate where it stands (at the second key, with every other
/// problem of the file), the first occurrence is renamed to a same-length placeholder and the text
/// composed again; `ConfigTreeBuilder` restores the name and reports the second occurrence.
enum YamsComposer {
    /// Most duplicate keys handled in one file before giving up.
    static let maxRenames = 200

    static func compose(_ text: String, file: String) throws(DiagnosticsError) -> (root: Node?, renamedKeys: [String: String]) {
        var source = text
        var renamed: [String: String] = [:]
        while true {
            do {
                return (try Yams.compose(yaml: source), renamed)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.sorted().first ?? ""
                let placeholder = placeholder(number: renamed.count, length: key.unicodeScalars.count)
                guard renamed.count < maxRenames,
                      let replaced = replace(key, with: placeholder, at: context.mark, in: source) else {
                    let at = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
                    throw DiagnosticsError([Diagnostic(at: at, "duplicate key `\(key)`", length: key.unicodeScalars.count)])
                }
                renamed[placeholder] = key
                source = replaced
            } catch let error as YamlError {
                throw DiagnosticsError([YamlSyntaxDiagnostic.diagnostic(for: error, file: file)])
            } catch {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")])
            }
        }
    }

    /// `length` private-use characters, distinct for each `number`.
    static func placeholder(number: Int, length: Int) -> String {
        var scalars = [Unicode.Scalar](repeating: Unicode.Scalar(0xE000)!, count: max(1, length))
        scalars[0] = Unicode.Scalar(0xE000 + UInt32(number % 6_000))!
        if scalars.count > 1 { scalars[1] = Unicode.Scalar(0xE000 + UInt32(number / 6_000))! }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `text` with the key written at `mark` (plain or quoted) replaced; `nil` if it is not there.
    static func replace(_ key: String, with placeholder: String, at mark: Mark, in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        var start = mark.column - 1
        guard start >= 0, start < line.count else { return nil }
        if line[start] == "\"" || line[start] == "'" { start += 1 }
        let keyScalars = Array(key.unicodeScalars)
        guard start + keyScalars.count <= line.count, Array(line[start..<start + keyScalars.count]) == keyScalars else {
            return nil
        }
        lines[mark.line - 1].replaceSubrange(start..<start + keyScalars.count, with: Array(placeholder.unicodeScalars))
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }
}
