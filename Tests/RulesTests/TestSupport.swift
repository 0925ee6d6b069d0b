import LoanMath
import Testing
@testable import Rules

/// The file name every inline test expression is said to come from.
let testFile = "policies/test.yaml"

/// Compiles `text` against `inputs` (name → type text) and evaluates it with `values`.
func evaluate(_ text: String, _ inputs: [(String, RuleType)] = [], _ values: [String: Value] = [:]) throws -> Value {
    var declarations = Declarations()
    for (name, type) in inputs { declarations.declare(name, type) }
    let compiled = try CompiledExpression.compile(ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1)),
                                                  declarations: declarations).get()
    return try compiled.evaluate(values)
}

/// The rendered diagnostics for `text`, quoting it as line 1 of the test file.
func diagnostics(_ text: String, _ inputs: [(String, RuleType)] = []) -> String {
    var declarations = Declarations()
    for (name, type) in inputs { declarations.declare(name, type) }
    let source = ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1))
    switch CompiledExpression.compile(source, declarations: declarations) {
    case .success: return "compiled"
    case .failure(let error): return DiagnosticRenderer(sources: [testFile: text]).render(error.diagnostics)
    }
}

func decimal(_ text: String) -> ExactDecimal { ExactDecimal(parsing: text)! }
func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }
