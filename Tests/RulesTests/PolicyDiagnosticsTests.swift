import LoanMath
import Testing
@testable import Rules

@Suite struct PolicyDiagnosticsTests {
    @Test func allErrorsAreReportedAtOnceInFileOrder() {
        var f = PolicyFixture()
        f.input("bureau_score", "integer")
        f.input("income", "money")
        f.derive("foir", "emi / income")
        f.rule("R1", "bureau_score < 650 and income < 25000", .reject)
        f.rule("R2", "foir > 55%", .refer)
        f.rule("R3", "bureau_score <", .reject)
        #expect(f.diagnostics == """
            policies/test.yaml:4:9: error: unknown name 'emi'
              |
            4 |   foir: emi / income
              |         ^~~
            policies/test.yaml:6:34: error: cannot compare money with an integer using '<'; write an amount as ₹25000
              |
            6 |     when: bureau_score < 650 and income < 25000
              |                                  ^~~~~~~~~~~~~~
            policies/test.yaml:10:25: error: expected a value, found the end of the expression
               |
            10 |     when: bureau_score <
               |                         ^
            3 errors
            """)
    }

    @Test func multiLineExpressionsPointAtTheRightLine() {
        // A YAML block scalar: `when: >` then two indented lines.
        let yaml = "rules:\n  - when: >\n      bureau_score >= 700 and\n      incom > ₹0\n"
        let map = SourceMap(lines: [
            .init(offset: 0, location: SourceLocation(file: testFile, line: 3, column: 7)),
            .init(offset: 24, location: SourceLocation(file: testFile, line: 4, column: 7)),
        ])
        let source = ExpressionSource("bureau_score >= 700 and\nincom > ₹0", map: map)
        var declarations = Declarations()
        declarations.declare("bureau_score", .integer)
        declarations.declare("income", .money)
        guard case .failure(let error) = CompiledExpression.compile(source, declarations: declarations) else {
            Issue.record("expected an error")
            return
        }
        #expect(DiagnosticRenderer(sources: [testFile: yaml]).render(error.diagnostics) == """
            policies/test.yaml:4:7: error: unknown name 'incom'; did you mean 'income'?
              |
            4 |       incom > ₹0
              |       ^~~~~
            1 error
            """)
    }

    @Test func expressionSizeIsCapped() {
        let text = (1...300).map { "x\($0 % 3) > \($0)" }.joined(separator: " or ")
        var declarations = Declarations()
        for i in 0..<3 { declarations.declare("x\(i)", .integer) }
        let result = CompiledExpression.compile(ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1)),
                                                declarations: declarations)
        guard case .failure(let error) = result else { Issue.record("expected an error"); return }
        #expect(error.diagnostics.map(\.message) == ["expression is too large (more than 400 parts); split it into derived values"])
    }
}

@Test func aTableOverAValueThatFailedIsNotBuilt() {
    var f = PolicyFixture()
    f.input("score", "integer")
    f.derive("band", "scroe / 100")
    f.table("t", .first, inputs: ["band", "score"], outputs: [("rate", "rate", "24%")], rows: [["-", "> 700", "band * 1%"]])
    #expect(f.diagnostics.hasPrefix("policies/test.yaml:3:9: error: unknown name 'scroe'; did you mean 'score'?"))
    #expect(f.diagnostics.hasSuffix("1 error"))
}
