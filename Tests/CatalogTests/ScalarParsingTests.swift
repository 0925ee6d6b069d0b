@testable import Catalog
import LoanMath
import Testing

/// Scalars are read strictly from their text.
@Suite struct ScalarParsingTests {
    static func read<Value>(_ parser: ScalarParser<Value>, _ text: String, key: String = "field") -> Result<Value, Problem> {
        switch parser.read(text, key) {
        case .value(let v): return .success(v)
        case .problem(let p): return .failure(Problem(message: p))
        }
    }

    struct Problem: Error, Equatable { let message: String }

    @Test(arguments: [("500000", Int64(50_000_000)), ("1250.5", 125_050), ("1250.50", 125_050), ("0.05", 5)])
    func amounts(_ text: String, _ paise: Int64) throws {
        #expect(try Self.read(.money, text).get() == Money(minorUnits: paise))
    }

    @Test(arguments: ["1e5", "abc", "+5", "1_000", ".5", "5.", "₹500", "", "0x10"])
    func notAmounts(_ text: String) {
        #expect(Self.read(.money, text) == .failure(Problem(message:
            "expected an amount in rupees such as `500000` or `1250.50`, found `\(text)`")))
    }

    @Test func amountProblemsSayWhy() {
        #expect(Self.read(.money, "100.505", key: "principal")
            == .failure(Problem(message: "`100.505` has more than 2 decimal places; amounts are in rupees, to the paisa")))
        #expect(Self.read(.money, "-5", key: "balloon")
            == .failure(Problem(message: "`balloon` must not be negative, found `-5`")))
        #expect(Self.read(.money, "5,00,000") == .failure(Problem(message:
            "expected an amount in rupees such as `500000` or `1250.50`, found `5,00,000`; write amounts without commas, e.g. `500000`")))
    }

    @Test func rates() throws {
        #expect(try Self.read(.rate(), "10.5%").get() == Rate(basisPoints: 1_050))
        #expect(try Self.read(.rate(), "0.25%").get() == Rate(basisPoints: 25))
        #expect(Self.read(.rate(), "14") == .failure(Problem(message:
            "expected a percentage such as `10.5%`, found `14`; write rates as a percentage, e.g. `10.5%`")))
        #expect(Self.read(.rate(), "abc") == .failure(Problem(message: "expected a percentage such as `10.5%`, found `abc`")))
        #expect(Self.read(.rate(), "1e1%") == .failure(Problem(message: "expected a percentage such as `10.5%`, found `1e1%`")))
        #expect(Self.read(.rate(), "150%", key: "rate") == .failure(Problem(message:
            "`rate` must be from 0% to 100%, found `150%`")))
    }

    @Test func integersAndDates() throws {
        #expect(try Self.read(.integer(1...60), "36").get() == 36)
        #expect(Self.read(.integer(1...60), "36.0") == .failure(Problem(message: "expected a whole number, found `36.0`")))
        #expect(Self.read(.integer(1...60), "61", key: "tenure") == .failure(Problem(message:
            "`tenure` must be from 1 to 60, found `61`")))
        #expect(try Self.read(.date, "2028-02-29").get() == LocalDate(year: 2028, month: 2, day: 29))
        #expect(Self.read(.date, "2026-02-29") == .failure(Problem(message: "`2026-02-29` is not a date on the calendar")))
        #expect(Self.read(.date, "10/01/2026") == .failure(Problem(message:
            "expected a date such as `2026-01-10`, found `10/01/2026`")))
    }

    @Test func wordsComeFromLoanMath() throws {
        #expect(try Self.read(ScalarParser<Frequency>.word("a frequency"), "half-yearly").get() == .halfYearly)
        #expect(Self.read(ScalarParser<Frequency>.word("a frequency"), "montly") == .failure(Problem(message:
            "`montly` is not a frequency; did you mean `monthly`? expected one of: weekly, fortnightly, monthly, quarterly, half-yearly, yearly")))
        #expect(AmortizationKind.allCases.map(\.word) == Amortization.names)
        #expect(try Self.read(.amortization, "step-up").get() == .stepUp)
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "tenur", in: ["principal", "tenure", "rate"]) == "tenure")
        #expect(Suggestion.closest(to: "princpal", in: ["principal", "tenure", "rate"]) == "principal")
        #expect(Suggestion.closest(to: "colour", in: ["principal", "tenure", "rate"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }
}
