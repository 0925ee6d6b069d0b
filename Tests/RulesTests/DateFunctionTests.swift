import LoanMath
import Testing
@testable import Rules

/// Date functions across month ends and leap years, against the calendar.
@Suite struct DateFunctionTests {
    let inputs: [(String, RuleType)] = [("a", .date), ("b", .date)]

    func run(_ text: String, _ a: String, _ b: String = "2000-01-01") throws -> Value {
        try evaluate(text, inputs, ["a": .date(date(a)), "b": .date(date(b))])
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-08-31", 1, "2026-09-30"),
        ("2025-12-15", 1, "2026-01-15"),
        ("2026-01-15", -13, "2024-12-15"),
    ])
    func addMonths(_ start: String, _ months: Int, _ expected: String) throws {
        #expect(try evaluate("add_months(a, n)", [("a", .date), ("n", .integer)],
                             ["a": .date(date(start)), "n": .integer(Int64(months))]) == .date(date(expected)))
    }

    @Test(arguments: [
        ("2026-01-31", "2026-02-28", 1),
        ("2026-01-31", "2026-02-27", 0),
        ("2024-01-31", "2024-02-28", 0),
        ("2024-01-31", "2024-02-29", 1),
        ("2026-01-15", "2026-07-14", 5),
        ("2026-01-15", "2026-07-15", 6),
        ("2026-07-15", "2026-01-15", -6),
        ("2026-07-15", "2026-01-16", -5),
        ("2000-02-29", "2026-02-28", 26 * 12),
    ])
    func monthsBetween(_ from: String, _ to: String, _ expected: Int) throws {
        #expect(try run("months_between(a, b)", from, to) == .integer(Int64(expected)))
    }

    @Test func daysAndYears() throws {
        #expect(try run("days_between(a, b)", "2024-02-01", "2024-03-01") == .integer(29))
        #expect(try run("days_between(a, b)", "2023-02-01", "2023-03-01") == .integer(28))
        #expect(try run("days_between(a, b)", "2023-12-31", "2024-12-31") == .integer(366))
        // Age: born 29 Feb 2004, on 28 Feb 2025 the anniversary has come (no 29 Feb that year).
        #expect(try run("years_between(a, b)", "2004-02-29", "2025-02-28") == .integer(21))
        #expect(try run("years_between(a, b)", "2004-03-01", "2025-02-28") == .integer(20))
        #expect(try run("years_between(a, b)", "1990-06-15", "2026-06-14") == .integer(35))
        #expect(try run("years_between(a, b)", "1990-06-15", "2026-06-15") == .integer(36))
        #expect(try run("add_days(a, 1)", "2024-02-28") == .date(date("2024-02-29")))
        #expect(try run("add_days(a, 1)", "2023-02-28") == .date(date("2023-03-01")))
        #expect(try run("a < b and a >= 2024-01-01", "2024-06-30", "2024-07-01") == .bool(true))
    }

    @Test func datesOutsideTheCalendarAreErrors() {
        #expect(throws: EvaluationError.self) { try run("add_months(a, 120000)", "2026-01-01") }
        #expect(throws: EvaluationError.self) { try run("add_days(a, -9223372036854775807)", "2026-01-01") }
        #expect(throws: EvaluationError.self) {
            try evaluate("add_months(a, n)", [("a", .date), ("n", .integer)], ["a": .date(date("2026-01-01")), "n": .integer(.min)])
        }
    }
}
