import LoanMath
import Testing
@testable import Rules

/// Builds a policy in a test as YAML-like text, so every expression has a real line and column
/// and diagnostics render with the quoted line and caret.
struct PolicyFixture {
    var text = PolicyTextBuilder(file: testFile)
    var types: [TypeDeclarationSource] = []
    var inputs: [InputSource] = []
    var derived: [DerivedSource] = []
    var tables: [DecisionTableSource] = []
    var rules: [RuleSource] = []
    var defaultOutcome = Outcome.approve

    init() { text.line("policy: test") }

    mutating func input(_ name: String, _ type: String) {
        let e = text.expression("  \(name): ", type)
        inputs.append(InputSource(name: name, at: e.location.advanced(byColumns: -(name.count + 2)), type: e))
    }

    mutating func enumeration(_ name: String, _ values: [String]) {
        let at = text.line("  \(name): enum(\(values.joined(separator: ", ")))")
        types.append(TypeDeclarationSource(name: name, at: at, .enumeration(values)))
    }

    mutating func derive(_ name: String, _ expression: String, output: Bool = false) {
        let e = text.expression("  \(name): ", expression)
        derived.append(DerivedSource(name: name, at: e.location.advanced(byColumns: -(name.count + 2)), expression: e, isOutput: output))
    }

    mutating func rule(_ id: String, _ when: String, _ outcome: Outcome, _ code: String = "CODE") {
        let at = text.line("  - id: \(id)")
        let e = text.expression("    when: ", when)
        rules.append(RuleSource(id: id, at: at.advanced(byColumns: 2), when: e, outcome: outcome, reasonCode: code, message: "m"))
    }

    /// `outputs`: name, type, default (nil for none). Each row lists input cells then output cells.
    mutating func table(_ id: String, _ hit: HitPolicy, inputs columns: [String], outputs: [(String, String, String?)],
                        rows: [[String]], rowIDs: [String?] = []) {
        let at = text.line("  - id: \(id)")
        text.line("    hit: \(hit)")
        let columnSources = text.cells("    inputs: ", columns)
        let outputSources = outputs.map { name, type, fallback -> TableOutputSource in
            let t = text.expression("    - output: \(name): ", type)
            let d = fallback.map { text.expression("      default: ", $0) }
            return TableOutputSource(name: name, at: t.location.advanced(byColumns: -(name.count + 2)), type: t, defaultValue: d)
        }
        let rowSources = rows.enumerated().map { i, cells -> TableRowSource in
            let located = text.cells("    - ", cells)
            return TableRowSource(id: i < rowIDs.count ? rowIDs[i] : nil, at: SourceLocation(file: testFile, line: text.lines.count, column: 7),
                                  inputs: Array(located.prefix(columns.count)), outputs: Array(located.dropFirst(columns.count)))
        }
        tables.append(DecisionTableSource(id: id, at: at.advanced(byColumns: 2), hitPolicy: hit, inputs: columnSources,
                                          outputs: outputSources, rows: rowSources))
    }

    var source: PolicySource {
        PolicySource(name: "test", at: SourceLocation(file: testFile, line: 1, column: 1), types: types, inputs: inputs,
                     derived: derived, tables: tables, rules: rules, defaultOutcome: defaultOutcome)
    }

    func compile() -> Result<CompiledPolicy, DiagnosticsError> { PolicyCompiler.compile(source) }

    /// The compiled policy, recording an issue with the rendered diagnostics if it does not compile.
    func policy(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CompiledPolicy {
        switch compile() {
        case .success(let p): return p
        case .failure(let e):
            Issue.record("\(render(e))", sourceLocation: sourceLocation)
            throw e
        }
    }

    /// The rendered diagnostics, or "compiled".
    var diagnostics: String {
        switch compile() {
        case .success: return "compiled"
        case .failure(let e): return render(e)
        }
    }

    func render(_ e: DiagnosticsError) -> String { DiagnosticRenderer(sources: [testFile: text.text]).render(e.diagnostics) }
}
