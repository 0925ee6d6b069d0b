import LoanMath
import Testing
@testable import Rules

typealias SplitMix64 = SeededGenerator

/// Property tests: whatever the text, parsing, checking and evaluating return a result or an
/// error value, never trap.
@Suite struct FuzzTests {
    static let fragments = [
        "age", "income", "score", "d", "tradelines", "emi", "max_dpd", "it", "kind", "flag", "rate",
        "1", "0", "-1", "9223372036854775807", "0.1", "0.000000000000000001", "99999999999999999.5", "55%", "0.01%",
        "₹50000", "₹0.05", "₹99999999999999999", "2024-02-29", "2026-01-31", "\"a\"", "\"salaried\"", "'x'",
        "true", "false", "and", "or", "not", "in", "between", "..", "..<", "+", "-", "*", "/", "==", "!=", "<", "<=",
        ">", ">=", "(", ")", "[", "]", ",", ".", "=", "%", "₹", "\"", "if(", "min(", "max(", "clamp(", "abs(",
        "round(", "paise", "rupee", "₹10", "half_up", "half_even", "up", "down", "add_months(", "add_days(",
        "months_between(", "days_between(", "years_between(", "rupees(", "percent(", "count(", "sum(", "any(", "all(",
        " ", " ", " ",
    ]

    static let tradeline = RuleType.record(RecordType(name: "tradeline", fields: [
        .init(name: "emi", type: .money), .init(name: "max_dpd", type: .integer),
    ]))

    static var declarations: Declarations {
        var d = Declarations()
        d.declare("age", .integer)
        d.declare("income", .money)
        d.declare("score", .decimal)
        d.declare("d", .date)
        d.declare("tradelines", .list(tradeline))
        d.declare("kind", .enumeration(EnumType(name: "kind", values: ["salaried", "self_employed"])))
        d.declare("flag", .bool)
        d.declare("rate", .rate)
        return d
    }

    static func inputs(_ g: inout SplitMix64) -> [String: Value] {
        let ints: [Int64] = [0, 1, -1, 35, Int64.max, Int64.min, 1_000_000_007]
        let decimals = ["0", "0.1", "-0.5", "170141183460469231731.687303715884105727", "0.000000000000000001"]
        let dates = ["0001-01-01", "2024-02-29", "2026-01-31", "9999-12-31"]
        let pick = { (n: Int, g: inout SplitMix64) in Int(g.next() % UInt64(n)) }
        let line = Value.record(["emi": .money(decimal(decimals[pick(decimals.count, &g)])), "max_dpd": .integer(ints[pick(ints.count, &g)])])
        return [
            "age": .integer(ints[pick(ints.count, &g)]),
            "income": .money(decimal(decimals[pick(decimals.count, &g)])),
            "score": .decimal(decimal(decimals[pick(decimals.count, &g)])),
            "d": .date(date(dates[pick(dates.count, &g)])),
            "tradelines": .list(Array(repeating: line, count: pick(3, &g))),
            "kind": .string(pick(2, &g) == 0 ? "salaried" : "self_employed"),
            "flag": .bool(pick(2, &g) == 0),
            "rate": .rate(decimal(decimals[pick(decimals.count, &g)])),
        ]
    }

    @Test func arbitraryScalarsNeverCrashTheParser() {
        var g = SplitMix64(seed: 1)
        let alphabet = Array("abz_09.,+-*/%<>=!()[]'\" \t\n₹éर😀\\\u{0}".unicodeScalars)
        var failures = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(g.next() % 40) { text.unicodeScalars.append(alphabet[Int(g.next() % UInt64(alphabet.count))]) }
            let source = ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1))
            if case .failure = Parser.parse(source) { failures += 1 }
            _ = Parser.parseCell(source)
            _ = TypeParser.parse(source, named: [:], contextName: "x")
        }
        #expect(failures > 0)
    }

    @Test func tokenSoupCompilesOrDiagnosesAndEvaluatesOrFails() {
        var g = SplitMix64(seed: 2)
        let declarations = FuzzTests.declarations
        var compiled = 0, evaluated = 0
        for _ in 0..<20_000 {
            let count = 1 + Int(g.next() % 12)
            let text = (0..<count).map { _ in FuzzTests.fragments[Int(g.next() % UInt64(FuzzTests.fragments.count))] }.joined(separator: " ")
            let source = ExpressionSource(text, at: SourceLocation(file: testFile, line: 3, column: 9))
            switch CompiledExpression.compile(source, declarations: declarations) {
            case .failure(let error):
                #expect(!error.diagnostics.isEmpty, "\(text)")
                #expect(error.diagnostics.allSatisfy { $0.location.line == 3 && $0.location.column >= 9 }, "\(text)")
            case .success(let expression):
                compiled += 1
                if (try? expression.evaluate(FuzzTests.inputs(&g))) != nil { evaluated += 1 }
            }
        }
        #expect(compiled > 100)
        #expect(evaluated > 50)
    }

    /// Random well-formed expressions from the grammar, so checking and evaluation get deep coverage.
    @Test func generatedExpressionsNeverTrap() {
        var g = SplitMix64(seed: 3)
        let declarations = FuzzTests.declarations
        var compiled = 0
        for _ in 0..<5_000 {
            let text = FuzzTests.expression(&g, depth: 0)
            let source = ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1))
            guard case .success(let expression) = CompiledExpression.compile(source, declarations: declarations) else { continue }
            compiled += 1
            for _ in 0..<3 { _ = try? expression.evaluate(FuzzTests.inputs(&g)) }
        }
        #expect(compiled > 500)
    }

    static func expression(_ g: inout SplitMix64, depth: Int) -> String {
        let leaves = ["age", "income", "score", "d", "flag", "rate", "kind", "1", "0", "-7", "9223372036854775807", "0.3",
                      "17%", "₹1000", "₹0", "2024-02-29", "\"salaried\"", "true", "count(tradelines)", "sum(tradelines, emi)"]
        if depth > 4 || g.next() % 3 == 0 { return leaves[Int(g.next() % UInt64(leaves.count))] }
        let a = expression(&g, depth: depth + 1), b = expression(&g, depth: depth + 1), c = expression(&g, depth: depth + 1)
        switch g.next() % 16 {
        case 0: return "(\(a) + \(b))"
        case 1: return "(\(a) - \(b))"
        case 2: return "(\(a) * \(b))"
        case 3: return "(\(a) / \(b))"
        case 4: return "(\(a) < \(b))"
        case 5: return "(\(a) == \(b))"
        case 6: return "(\(a) and \(b))"
        case 7: return "(not \(a) or \(b))"
        case 8: return "if(\(a), \(b), \(c))"
        case 9: return "min(\(a), \(b))"
        case 10: return "round(\(a), \(["paise", "rupee", "₹10", "1", "0.01", "0.05%"][Int(g.next() % 6)]), half_up)"
        case 11: return "(\(a) between \(b) and \(c))"
        case 12: return "add_months(\(a), \(b))"
        case 13: return "months_between(\(a), \(b))"
        case 14: return "any(tradelines, max_dpd > \(a))"
        default: return "clamp(\(a), \(b), \(c))"
        }
    }

    @Test func deepNestingOfEveryKindIsADiagnostic() {
        let declarations = FuzzTests.declarations
        for (open, close) in [("(", ")"), ("[", "]"), ("abs(", ")"), ("- ", ""), ("not ", ""), ("if(flag, 1, ", ")")] {
            let text = String(repeating: open, count: 5_000) + "1" + String(repeating: close, count: 5_000)
            let limits = CompileLimits(maxExpressionLength: 1_000_000)
            let result = CompiledExpression.compile(ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1)),
                                                    declarations: declarations, limits: limits)
            guard case .failure(let error) = result else { Issue.record("\(open) compiled"); continue }
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].message.hasPrefix("expression nests too deeply") , "\(open)")
        }
    }
}

@Suite struct ExtremeValueTests {
    @Test func hugeValuesPrintCompareAndConvertWithoutTrapping() {
        let huge = ExactDecimal(significand: Int128.max, scale: 0)
        let tiny = ExactDecimal(significand: 1, scale: 18)
        #expect(Value.money(huge).description == "₹" + huge.description)
        #expect(Value.money(huge).moneyValue == nil)
        #expect(Value.rate(huge).rateValue == nil)
        #expect(Value.decimal(huge) != Value.decimal(tiny))
        #expect(Value.decimal(decimal("0.30")) == Value.decimal(decimal("0.3")))
        #expect(Set([Value.decimal(decimal("0.30")), Value.decimal(decimal("0.3"))]).count == 1)
        #expect(Value.money(decimal("12.5")).description == "₹12.50")
        #expect(Value.money(decimal("12.005")).description == "₹12.005")
    }
}

@Test func conversionsToLoanMathTypes() {
    #expect(Value.money(decimal("12.500")).moneyValue == Money(minorUnits: 1250))
    #expect(Value.money(decimal("12.505")).moneyValue == nil)
    #expect(Value.rate(decimal("0.10500")).rateValue == Rate(parsing: "10.5%"))
    #expect(Value(Money(major: 5)).moneyValue == Money(major: 5))
    #expect(Value(Rate(parsing: "8.75%")!) == Value.percent("8.75"))
}
