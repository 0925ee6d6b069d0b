import LoanMath
import Testing
@testable import Rules

/// How the parser groups expressions, shown fully parenthesised.
@Suite struct ParserTests {
    func parsed(_ text: String) -> String {
        switch Parser.parse(ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1))) {
        case .success(let syntax): return syntax.description
        case .failure(let diagnostic): return "error: \(diagnostic.message)"
        }
    }

    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("10 - 4 - 3", "(- (- 10 4) 3)"),
        ("12 / 3 / 2", "(/ (/ 12 3) 2)"),
        ("-2 * 3", "(* (- 2) 3)"),
        ("- -2", "(- (- 2))"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a and b", "(and (not a) b)"),
        ("not a == b", "(not (== a b))"),
        ("a + 1 > b * 2 and c", "(and (> (+ a 1) (* b 2)) c)"),
        ("age between 21 and 60 and ok", "(and (between age 21 60) ok)"),
        ("age between 18 + 3 and 60", "(between age (+ 18 3) 60)"),
        ("x in [1, 2, 3] or y", "(or (in x [1 2 3]) y)"),
        ("x not in 21..60", "(not-in x (.. 21 60))"),
        ("age not between 21 and 60 or x", "(or (not (between age 21 60)) x)"),
        ("x in 0%..<40%", "(in x (..< 0% 40%))"),
        ("applicant.address.pincode", "(. (. applicant address) pincode)"),
        ("max(a, b) + min(1, 2, 3)", "(+ (max a b) (min 1 2 3))"),
        ("if(a > 1, ₹5_000, ₹0.50)", "(if (> a 1) ₹5000 ₹0.50)"),
        ("d < 2026-01-31", "(< d 2026-01-31)"),
        ("2026-01-31", "2026-01-31"),
        ("2026 - 01 - 31", "(- (- 2026 1) 31)"),
        ("55%", "55%"),
        ("x AND y OR NOT z", "(or (and x y) (not z))"),
        ("'single' == \"double\"", "(== \"single\" \"double\")"),
    ])
    func precedence(_ text: String, _ expected: String) {
        #expect(parsed(text) == expected)
    }

    @Test(arguments: [
        ("1 +", "expected a value, found the end of the expression"),
        ("(1 + 2", "expected ')', found the end of the expression"),
        ("a < b < c", "comparisons cannot be chained; join them with 'and'"),
        ("a = 1", "use '==' to compare values"),
        ("x 21..60", "unexpected '21' after a complete expression"),
        ("21..60", "a range such as 21..60 can only follow 'in' or stand in a table cell"),
        ("\"open", "string is not closed; add \""),
        ("2026-02-30", "2026-02-30 is not a calendar date"),
        ("₹10.505", "an amount has at most 2 decimal places (paise)"),
        ("99999999999999999999", "number is too large"),
        ("a # b", "unexpected character '#'"),
        ("50 %", "'%' must follow a number directly, as in 55%"),
        ("f(1 2)", "expected ',' or ')' in argument list, found '2'"),
        ("[]", "a list needs at least one item"),
        ("a.1", "expected a field name after '.', found '1'"),
    ])
    func syntaxErrors(_ text: String, _ message: String) {
        #expect(parsed(text) == "error: " + message)
    }

    @Test func deepNestingIsADiagnosticNotACrash() {
        let text = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let limits = CompileLimits(maxExpressionLength: 1_000_000)
        guard case .failure(let d) = Parser.parse(ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1)), limits: limits)
        else { Issue.record("expected an error"); return }
        #expect(d.message == "expression nests too deeply (more than 40 levels)")
        #expect(d.location.column == 41)
    }

    @Test func cells() {
        func cell(_ text: String) -> String {
            switch Parser.parseCell(ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1))) {
            case .success(let c):
                switch c {
                case .any: return "any"
                case .comparison(let op, let v): return "\(op.rawValue) \(v)"
                case .range(let lo, let hi, let halfOpen): return "\(lo)\(halfOpen ? "..<" : "..")\(hi)"
                case .list(let items, let negated): return (negated ? "not in " : "in ") + items.map(\.description).joined(separator: ",")
                case .equals(let v): return "== \(v)"
                }
            case .failure(let d): return "error: \(d.message)"
            }
        }
        #expect(cell("") == "any")
        #expect(cell("-") == "any")
        #expect(cell("any") == "any")
        #expect(cell("< 700") == "< 700")
        #expect(cell(">= base + 5") == ">= (+ base 5)")
        #expect(cell("700..749") == "700..749")
        #expect(cell("0%..<40%") == "0%..<40%")
        #expect(cell("between 21 and 60") == "21..60")
        #expect(cell("in 21..60") == "21..60")
        #expect(cell("[\"a\", \"b\"]") == "in \"a\",\"b\"")
        #expect(cell("not in [\"a\"]") == "not in \"a\"")
        #expect(cell("\"salaried\"") == "== \"salaried\"")
        #expect(cell("-5") == "== (- 5)")
        #expect(cell("in x") == "error: expected a list such as [\"a\", \"b\"] or a range such as 21..60 after 'in'")
    }
}
