import LoanMath
import Testing
@testable import Rules

/// Exact decimal, money and rate arithmetic, with figures worked by hand.
@Suite struct ArithmeticTests {
    @Test(arguments: [
        ("0.1 + 0.2", "0.3"),
        ("0.1 + 0.2 - 0.3", "0"),
        ("1 / 3 * 3", "0.999999999999999999"),
        ("10 / 4", "2.5"),
        ("7 / 2", "3.5"),
        ("2 / 3", "0.666666666666666667"),
        ("1.10 * 1.10", "1.21"),
        ("0.000000001 * 0.000000001", "0.000000000000000001"),
        ("0.000000001 * 0.0000000001", "0"),
        ("100 / 0.125", "800"),
        ("-7 / 2", "-3.5"),
        ("1 - 0.9", "0.1"),
    ])
    func exactDecimals(_ text: String, _ expected: String) throws {
        let value = try evaluate(text)
        #expect(value.decimalValue == decimal(expected), "\(text) = \(value)")
    }

    @Test func integerArithmeticStaysInteger() throws {
        #expect(try evaluate("2 + 3 * 4 - 1") == .integer(13))
        #expect(try evaluate("-(2 + 3)") == .integer(-5))
        #expect(try evaluate("abs(-7)") == .integer(7))
        #expect(try evaluate("6 / 3") == .decimal(decimal("2")))
    }

    @Test func moneyArithmetic() throws {
        #expect(try evaluate("₹50_000 + ₹1_250.50") == .money(decimal("51250.50")))
        #expect(try evaluate("₹1_00_000 * 3") == .money(decimal("300000")))
        // 2% of ₹1,23,457 is ₹2,469.14 exactly; the processing-fee rule rounds half-up to the rupee.
        #expect(try evaluate("₹1_23_457 * 2%") == .money(decimal("2469.14")))
        #expect(try evaluate("round(₹1_23_457 * 2%, rupee, half_up)") == .money(decimal("2469")))
        #expect(try evaluate("round(₹1_23_475 * 2%, rupee, half_up)") == .money(decimal("2470")))  // 2469.50
        #expect(try evaluate("round(₹1_23_475 * 2%, rupee, half_even)") == .money(decimal("2470")))
        #expect(try evaluate("round(₹1_23_425 * 2%, rupee, half_even)") == .money(decimal("2468")))  // 2468.50
        #expect(try evaluate("round(₹1_23_425 * 2%, rupee, down)") == .money(decimal("2468")))
        #expect(try evaluate("round(₹1_23_401 * 2%, ₹10, up)") == .money(decimal("2470")))  // 2468.02
        // ₹1,00,000 at 10.5% for one month: 875 exactly; for 31/365 of a year: 891.7808… → 891.78.
        #expect(try evaluate("₹1_00_000 * 10.5% / 12") == .money(decimal("875")))
        #expect(try evaluate("round(₹1_00_000 * 10.5% * 31 / 365, paise, half_up)") == .money(decimal("891.78")))
        #expect(try evaluate("₹45_000 / ₹1_00_000") == .decimal(decimal("0.45")))
        #expect(try evaluate("₹100 / 3") == .money(decimal("33.333333333333333333")))
        #expect(try evaluate("rupees(1234.5)") == .money(decimal("1234.5")))
    }

    @Test func rateArithmetic() throws {
        #expect(try evaluate("10.5% + 1.25%") == .rate(decimal("0.1175")))
        #expect(try evaluate("10% * 1.5") == .rate(decimal("0.15")))
        #expect(try evaluate("12% / 12") == .rate(decimal("0.01")))
        #expect(try evaluate("1% / 4%") == .decimal(decimal("0.25")))
        #expect(try evaluate("round(10.4375%, 0.05%, up)") == .rate(decimal("0.1045")))
        #expect(try evaluate("percent(12.5)") == .rate(decimal("0.125")))
        #expect(try evaluate("0.55 == 55%") == .bool(true))
        #expect(try evaluate("0.56 > 55%") == .bool(true))
        #expect(Value.rate(decimal("0.105")).rateValue == Rate(parsing: "10.5%"))
    }

    @Test func roundingOfDecimalsAndIntegers() throws {
        #expect(try evaluate("round(2.345, 0.01, half_up)") == .decimal(decimal("2.35")))
        #expect(try evaluate("round(2.345, 0.01, half_even)") == .decimal(decimal("2.34")))
        #expect(try evaluate("round(-2.345, 0.01, half_up)") == .decimal(decimal("-2.35")))
        #expect(try evaluate("round(-2.341, 0.01, up)") == .decimal(decimal("-2.35")))
        #expect(try evaluate("round(742, 10, down)") == .integer(740))
        #expect(try evaluate("round(745, 10, half_even)") == .integer(740))
    }

    @Test func minMaxClampIf() throws {
        #expect(try evaluate("min(3, 1.5, 2)") == .decimal(decimal("1.5")))
        #expect(try evaluate("max(₹10, ₹20)") == .money(decimal("20")))
        #expect(try evaluate("clamp(₹30_000, ₹999, ₹25_000)") == .money(decimal("25000")))
        #expect(try evaluate("clamp(₹500, ₹999, ₹25_000)") == .money(decimal("999")))
        #expect(try evaluate("if(1 > 2, 1, 2.5)") == .decimal(decimal("2.5")))
        #expect(try evaluate("if(x, 1, 2)", [("x", .bool)], ["x": .bool(true)]) == .integer(1))
        #expect(try evaluate("\"ab\" + \"cd\"") == .string("abcd"))
    }

    @Test func comparisonsAndMembership() throws {
        let inputs: [(String, RuleType)] = [("score", .integer), ("city", .string), ("income", .money)]
        let values: [String: Value] = ["score": .integer(720), "city": .string("Pune"), "income": .rupees(85_000)]
        for (text, expected) in [
            ("score between 700 and 749", true), ("score in 700..<720", false), ("score in 700..720", true),
            ("score not in [700, 720]", false), ("city in [\"Pune\", \"Mumbai\"]", true), ("income >= ₹85_000", true),
            ("income > ₹85_000 or score == 720", true), ("not (score > 700)", false), ("score != 720", false),
        ] {
            #expect(try evaluate(text, inputs, values) == .bool(expected), "\(text)")
        }
    }

    @Test func runtimeFaultsAreErrorsWithLocations() {
        let inputs: [(String, RuleType)] = [("n", .integer), ("d", .decimal)]
        #expect(throws: EvaluationError(.divisionByZero, at: SourceLocation(file: testFile, line: 1, column: 1), "division by zero")) {
            try evaluate("10 / d", inputs, ["n": .integer(1), "d": .decimal(decimal("0"))])
        }
        #expect(throws: EvaluationError(.overflow, at: SourceLocation(file: testFile, line: 1, column: 5), "arithmetic overflow")) {
            try evaluate("1 + n * n", inputs, ["n": .integer(Int64.max), "d": .integer(1)])
        }
        #expect(throws: EvaluationError(.missingInput("n"), at: nil, "input 'n' is missing")) {
            try evaluate("n + 1", inputs, [:])
        }
        #expect(throws: EvaluationError(.invalidInput("n"), at: nil, "input 'n' must be integer")) {
            try evaluate("n + 1", inputs, ["n": .string("12")])
        }
    }

    @Test func decimalMathNeverTraps() throws {
        let huge = ExactDecimal(significand: Int128.max, scale: 0)
        let tiny = ExactDecimal(significand: 1, scale: 18)
        #expect(throws: ArithmeticError.overflow) { try DecimalMath.add(huge, tiny) }
        #expect(throws: ArithmeticError.overflow) { try DecimalMath.multiply(huge, huge) }
        #expect(throws: ArithmeticError.divisionByZero) { try DecimalMath.divide(huge, .zero) }
        #expect(throws: ArithmeticError.overflow) { try DecimalMath.divide(huge, tiny) }
        #expect(throws: ArithmeticError.overflow) { try DecimalMath.negate(ExactDecimal(significand: Int128.min, scale: 0)) }
        #expect(DecimalMath.compare(huge, tiny) == 1)
        #expect(DecimalMath.compare(huge.negated(), tiny) == -1)
        #expect(throws: ArithmeticError.overflow) { try DecimalMath.divide(tiny, huge) }  // divisors beyond 10^37 are refused
        #expect(try DecimalMath.divide(tiny, ExactDecimal(significand: Int128.max / 100, scale: 0)) == .zero)
        #expect(try DecimalMath.divide(huge, ExactDecimal(7)) == ExactDecimal(significand: Int128.max / 7, scale: 0))
    }
}
