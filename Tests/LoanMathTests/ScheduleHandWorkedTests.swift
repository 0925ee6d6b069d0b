import Testing
@testable import LoanMath

/// Figures worked by hand from the textbook formulas, written out in each test.
@Suite("Schedules against hand-worked figures")
struct ScheduleHandWorkedTests {
    func terms(_ principal: Int64, _ rate: String, _ n: Int, _ disbursed: String = "2026-01-10") -> LoanTerms {
        LoanTerms(principal: Money(major: principal), annualRate: Rate(parsing: rate)!, installmentCount: n,
                  disbursementDate: LocalDate(iso: disbursed)!)
    }

    @Test("EMI formula: ₹5,00,000 at 10.5% for 36 months")
    func emiFormula() throws {
        // i = 0.105/12 = 0.00875; (1+i)^36 = 1.368683...; EMI = P·i/(1 − (1+i)^−36) = 16,251.2218 → ₹16,251.22
        let schedule = try ScheduleEngine.schedule(for: terms(500_000, "10.5%", 36))
        #expect(schedule.installmentAmount == Money(minorUnits: 1_625_122))
        let first = schedule.rows[0]
        #expect(first.interest == Money(minorUnits: 437_500))  // 5,00,000 × 0.00875
        #expect(first.principal == Money(minorUnits: 1_187_622))  // 16,251.22 − 4,375.00
        #expect(first.closingBalance == Money(minorUnits: 48_812_378))
        #expect(first.dueDate.iso == "2026-02-10")
        #expect(schedule.rows[1].interest == Money(minorUnits: 427_108))  // 4,88,123.78 × 0.00875 = 4,271.083
        #expect(schedule.rows.last!.closingBalance.isZero)
    }

    @Test("zero-rate loan repays principal in equal parts")
    func zeroRate() throws {
        let schedule = try ScheduleEngine.schedule(for: terms(120_000, "0%", 12))
        #expect(schedule.installmentAmount == Money(major: 10_000))
        #expect(schedule.totalInterest.isZero)
    }

    @Test("flat rate: total interest = P × r × years, spread equally")
    func flatRate() throws {
        var t = terms(100_000, "12%", 12)
        t.method = .flat
        let schedule = try ScheduleEngine.schedule(for: t)
        // I = 1,00,000 × 12% × 1 = 12,000; instalment = 1,12,000 / 12 = 9,333.33
        #expect(schedule.totalInterest == Money(major: 12_000))
        #expect(schedule.installmentAmount == Money(minorUnits: 933_333))
        #expect(schedule.rows[0].interest == Money(major: 1_000))
        #expect(schedule.totalPrincipal == Money(major: 100_000))
    }

    @Test("Rule of 78: instalment k carries (n−k+1)/78 of the interest")
    func ruleOf78() throws {
        var t = terms(100_000, "12%", 12)
        t.method = .ruleOf78
        let schedule = try ScheduleEngine.schedule(for: t)
        // 12,000 × 12/78 = 1,846.1538 → 1,846.15; × 11/78 = 1,692.31; × 1/78 = 153.85 (last absorbs)
        #expect(schedule.rows[0].interest == Money(minorUnits: 184_615))
        #expect(schedule.rows[1].interest == Money(minorUnits: 169_231))
        #expect(schedule.totalInterest == Money(major: 12_000))
        #expect(schedule.rows[11].interest == Money(minorUnits: 15_385))
    }

    @Test("broken first period: extra days' interest is added to the first instalment")
    func brokenPeriod() throws {
        var t = terms(300_000, "13%", 24, "2026-01-20")
        t.firstDueDate = LocalDate(iso: "2026-03-05")
        let schedule = try ScheduleEngine.schedule(for: t)
        // 30/360 days from 20 Jan to 5 Mar = 45 → interest 3,00,000 × 13% × 45/360 = 4,875.00.
        // The principal part is the regular one: EMI − 3,00,000 × 13%/12 (= 3,250.00).
        let emi = schedule.installmentAmount
        #expect(schedule.rows[0].interest == Money(major: 4_875))
        #expect(schedule.rows[0].principal == emi - Money(major: 3_250))
        #expect(schedule.rows[0].total == emi + Money(major: 1_625))
        #expect(schedule.rows[1].dueDate.iso == "2026-04-05")
    }

    @Test("interest-only then bullet")
    func bullet() throws {
        var t = terms(150_000, "9%", 12)
        t.amortization = .interestOnly
        let schedule = try ScheduleEngine.schedule(for: t)
        // 1,50,000 × 9%/12 = 1,125.00 each month; the last one also repays 1,50,000.
        #expect(schedule.rows.dropLast().allSatisfy { $0.total == Money(major: 1_125) })
        #expect(schedule.rows.last!.total == Money(major: 151_125))
    }

    @Test("balloon: EMI = (P − B/(1+i)^n)·i / (1 − (1+i)^−n)")
    func balloon() throws {
        var t = terms(800_000, "12%", 24)
        t.amortization = .balloon(Money(major: 200_000))
        let schedule = try ScheduleEngine.schedule(for: t)
        // i = 1%; (1.01)^24 = 1.26973465; B/(1+i)^24 = 1,57,513.23; 1 − (1.01)^−24 = 0.21243387
        // (8,00,000 − 1,57,513.25) × 0.01 / 0.21243387 = 30,244.08 (numpy-financial pmt: 30244.0833)
        #expect(schedule.installmentAmount == Money(minorUnits: 3_024_408))
        #expect(schedule.rows[22].closingBalance > Money(major: 200_000))
        #expect(schedule.rows.last!.total > Money(major: 200_000))
        #expect(schedule.rows.last!.closingBalance.isZero)
    }

    @Test("step-up: instalments grow by 5% every 12 months and still clear the loan")
    func stepUp() throws {
        var t = terms(1_000_000, "10%", 36)
        t.amortization = .stepUp(every: 12, change: Rate(parsing: "5%")!)
        let schedule = try ScheduleEngine.schedule(for: t)
        let year1 = schedule.rows[0].total, year2 = schedule.rows[12].total, year3 = schedule.rows[24].total
        // Second year = first × 1.05 (each rounded to the paisa): within a paisa of the exact ratio.
        #expect(abs(year2.minorUnits * 100 - year1.minorUnits * 105) <= 100)
        #expect(abs(year3.minorUnits * 10_000 - year1.minorUnits * 11_025) <= 10_000)
        #expect(schedule.rows[11].total == year1)
        #expect(schedule.rows.last!.closingBalance.isZero)
        #expect(abs(schedule.rows.last!.total.minorUnits - year3.minorUnits) < 100)
    }

    @Test("step-down with a negative change")
    func stepDown() throws {
        var t = terms(1_000_000, "10%", 36)
        t.amortization = .stepUp(every: 12, change: Rate(parsing: "-10%")!)
        let schedule = try ScheduleEngine.schedule(for: t)
        #expect(schedule.rows[12].total < schedule.rows[0].total)
        #expect(schedule.totalPrincipal == Money(major: 1_000_000))
    }

    @Test("equal last instalment puts the rounding into the last row's interest")
    func equalLast() throws {
        var t = terms(100_000, "12%", 12)
        t.rounding = ScheduleRounding(installmentUnit: .major, lastInstallment: .equal)
        let schedule = try ScheduleEngine.schedule(for: t)
        #expect(schedule.rows.allSatisfy { $0.total == Money(major: 8_885) })
        #expect(schedule.totalPrincipal == Money(major: 100_000))
        // 12 × 8,885 − 1,00,000 = 6,620
        #expect(schedule.totalInterest == Money(major: 6_620))
    }

    @Test("refuses impossible terms with the field named")
    func refusals() {
        var t = terms(100_000, "12%", 12)
        t.moratorium = Moratorium(principalPeriods: 12)
        #expect(throws: ScheduleError.invalid(field: "moratorium.principal", reason: "must leave at least one instalment to repay principal")) {
            try ScheduleEngine.schedule(for: t)
        }
        var u = terms(100_000, "12%", 12)
        u.firstDueDate = LocalDate(iso: "2026-01-01")
        #expect(throws: ScheduleError.self) { try ScheduleEngine.schedule(for: u) }
        var v = terms(100_000, "12%", 12)
        v.amortization = .stepUp(every: 1, change: Rate(parsing: "60%")!)
        #expect(throws: ScheduleError.negativeAmortisation(installment: 1)) { try ScheduleEngine.schedule(for: v) }
    }
}
