import Testing
@testable import LoanMath

@Suite("Money and rounding")
struct MoneyTests {
    @Test("parses rupee amounts exactly and refuses anything inexact", arguments: [
        ("500000", Int64(50_000_000)), ("1234.5", 123_450), ("0.05", 5), ("-12.34", -1234), ("+7", 700),
    ])
    func parses(text: String, paise: Int64) {
        #expect(Money(parsing: text)?.minorUnits == paise)
    }

    @Test("rejects text that is not an exact amount", arguments: ["1.234", "abc", "", "1e5", "1.2.3", "--1", "₹5"])
    func rejects(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test("prints with two places and Indian grouping")
    func prints() {
        #expect(Money(minorUnits: 50_000_000).decimalString == "500000.00")
        #expect(Money(minorUnits: -5).decimalString == "-0.05")
        #expect(Money(minorUnits: 50_000_000).indianFormatted == "₹5,00,000.00")
        #expect(Money(minorUnits: 1_234_567_890).indianFormatted == "₹1,23,45,678.90")
        #expect(Money(minorUnits: 99_900).indianFormatted == "₹999.00")
    }

    // Each named mode on ties, non-ties and negatives: x / 10 for x in the first column.
    @Test("rounding modes", arguments: [
        // numerator, half-up, half-even, up, down
        (Int128(25), Int128(3), Int128(2), Int128(3), Int128(2)),
        (35, 4, 4, 4, 3),
        (21, 2, 2, 3, 2),
        (29, 3, 3, 3, 2),
        (-25, -3, -2, -3, -2),
        (-21, -2, -2, -3, -2),
        (30, 3, 3, 3, 3),
    ])
    func roundingModes(value: Int128, halfUp: Int128, halfEven: Int128, up: Int128, down: Int128) {
        #expect(RoundingMode.halfUp.divide(value, by: 10) == halfUp)
        #expect(RoundingMode.halfEven.divide(value, by: 10) == halfEven)
        #expect(RoundingMode.up.divide(value, by: 10) == up)
        #expect(RoundingMode.down.divide(value, by: 10) == down)
    }

    @Test("rounds to a unit: paise, rupee, ten rupees")
    func roundsToUnit() {
        let amount = Money(minorUnits: 888_488)  // ₹8,884.88
        #expect(amount.rounded(to: .minor, .halfUp).minorUnits == 888_488)
        #expect(amount.rounded(to: .major, .halfUp).minorUnits == 888_500)
        #expect(amount.rounded(to: .major, .down).minorUnits == 888_400)
        #expect(amount.rounded(to: .multipleOfMajor(10), .halfUp).minorUnits == 888_000)
        #expect(amount.rounded(to: .multipleOfMajor(10), .up).minorUnits == 889_000)
        #expect(RoundingUnit(parsing: "10") == .multipleOfMajor(10))
        #expect(RoundingUnit(parsing: "rupee") == .major)
        #expect(RoundingUnit(parsing: "0") == nil)
    }
}

@Suite("Exact decimals and rates")
struct ExactDecimalTests {
    @Test("0.1 + 0.2 is exactly 0.3")
    func addsExactly() throws {
        let sum = try #require(ExactDecimal(parsing: "0.1")) + #require(ExactDecimal(parsing: "0.2"))
        #expect(sum == ExactDecimal(parsing: "0.3"))
        #expect(sum.description == "0.3")
    }

    @Test("multiplies and divides exactly where the result terminates")
    func multipliesAndDivides() throws {
        let a = try #require(ExactDecimal(parsing: "1.05"))
        #expect((a * a).description == "1.1025")
        #expect(try ExactDecimal(1).dividing(by: ExactDecimal(8)).description == "0.125")
        #expect(try ExactDecimal(1).dividing(by: ExactDecimal(3)).description == "0.333333333333333333")
        #expect(throws: ArithmeticError.divisionByZero) { try ExactDecimal(1).dividing(by: .zero) }
    }

    @Test("rates parse exactly from percentages", arguments: [
        ("10.5%", Int64(105_000_000_000)), ("0.25%", 2_500_000_000), ("24%", 240_000_000_000), ("8.65 %", 86_500_000_000),
    ])
    func parsesRates(text: String, scaled: Int64) {
        #expect(Rate(parsing: text)?.scaledFraction == scaled)
    }

    @Test("a rate needs its percent sign", arguments: ["10.5", "abc%", "%", "1.00000000001%"])
    func rejectsRates(text: String) {
        #expect(Rate(parsing: text) == nil)
    }

    @Test("rate text round-trips")
    func rateText() {
        #expect(Rate(parsing: "10.5%")?.percentString == "10.5%")
        #expect(Rate(basisPoints: 25).percentString == "0.25%")
    }

    @Test("interest on money by year fraction is rounded once")
    func interestOnMoney() throws {
        let rate = try #require(Rate(parsing: "10.5%"))
        // ₹5,00,000 × 10.5% / 12 = ₹4,375.00 exactly
        #expect(rate.interest(on: Money(major: 500_000), for: YearFraction(1, 12), .halfUp).minorUnits == 437_500)
        // ₹1,00,000 × 10.5% × 31/365 = ₹891.780821… → ₹891.78
        #expect(rate.interest(on: Money(major: 100_000), for: YearFraction(31, 365), .halfUp).minorUnits == 89_178)
        // 2% processing fee on ₹3,33,333.33 = ₹6,666.6666 → ₹6,666.67 half-up, ₹6,666.66 down
        let fee = try #require(Rate(parsing: "2%"))
        #expect(fee.of(Money(minorUnits: 33_333_333), .halfUp).minorUnits == 666_667)
        #expect(fee.of(Money(minorUnits: 33_333_333), .down).minorUnits == 666_666)
    }
}
