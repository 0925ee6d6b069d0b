import Testing
@testable import LoanMath

@Suite("Schedule invariants over generated terms")
struct SchedulePropertyTests {
    static func randomTerms(_ rng: inout SeededGenerator) -> LoanTerms {
        let frequency = Frequency.allCases.randomElement(using: &rng)!
        let n = Int.random(in: 1...(frequency == .weekly ? 156 : 120), using: &rng)
        let principal = Money(minorUnits: Int64.random(in: 1_000_00...5_00_00_000_00, using: &rng))
        let rate = Rate(basisPoints: Int64.random(in: 0...3_600, using: &rng))
        let disbursed = LocalDate(dayNumber: Int32.random(in: 19_000...22_000, using: &rng))
        var terms = LoanTerms(principal: principal, annualRate: rate, installmentCount: n, frequency: frequency,
                              dayCount: DayCount.allCases.randomElement(using: &rng)!, disbursementDate: disbursed)
        if Bool.random(using: &rng) {
            terms.firstDueDate = disbursed.adding(days: Int.random(in: 5...60, using: &rng))
        }
        terms.rounding = ScheduleRounding(
            installmentUnit: [RoundingUnit.minor, .major, .multipleOfMajor(10)].randomElement(using: &rng)!,
            installmentMode: RoundingMode.allCases.randomElement(using: &rng)!)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: terms.method = .flat
        case 1: terms.method = .ruleOf78
        case 2: terms.amortization = .equalPrincipal
        case 3: terms.amortization = .interestOnly
        case 4: terms.amortization = .balloon(principal.scaled(by: 1, over: 4, .down))
        case 5 where n > 12: terms.amortization = .stepUp(every: 12, change: Rate(basisPoints: 500))
        case 6 where n > 3:
            let p = Int.random(in: 1..<min(n, 12), using: &rng)
            terms.moratorium = Moratorium(principalPeriods: p, interestPeriods: Int.random(in: 0...p, using: &rng),
                                          deferredInterest: DeferredInterestTreatment.allCases.randomElement(using: &rng)!)
        default: break
        }
        if Bool.random(using: &rng) {
            terms.fees = [UpfrontFee(name: "processing", amount: principal.scaled(by: 2, over: 100, .halfUp))]
        }
        return terms
    }

    static func make(_ terms: LoanTerms) -> Result<Schedule, ScheduleError> {
        do { return .success(try ScheduleEngine.schedule(for: terms)) } catch { return .failure(error) }
    }

    @Test("principal repaid = amount lent (+ capitalised interest); last balance 0; totals add up")
    func invariants() throws {
        var checked = 0
        for seed in UInt64(1)...2_000 {
            var rng = SeededGenerator(seed: seed)
            let terms = Self.randomTerms(&rng)
            let outcome = Self.make(terms)
            if case .failure(.negativeAmortisation) = outcome { continue }
            let schedule = try outcome.get()
            checked += 1
            #expect(schedule.totalPrincipal == terms.principal + schedule.totalCapitalised, "seed \(seed)")
            #expect(schedule.rows.last?.closingBalance.isZero == true, "seed \(seed)")
            #expect(schedule.rows.count == terms.installmentCount, "seed \(seed)")
            var previousDue = terms.disbursementDate
            for row in schedule.rows {
                #expect(row.total == row.principal + row.interest, "seed \(seed) row \(row.number)")
                #expect(row.closingBalance == row.openingBalance - row.principal + row.capitalisedInterest)
                #expect(row.dueDate > previousDue, "seed \(seed) row \(row.number)")
                #expect(!row.principal.isNegative, "seed \(seed) row \(row.number)")
                previousDue = row.dueDate
            }
            if !terms.fees.isEmpty && !terms.annualRate.isZero && terms.moratorium.isNone {
                let facts = KeyFacts(schedule: schedule)
                // APR is shown to two places: it may sit a hundredth below the nominal rate, no more.
                let hundredth = ExactDecimal(significand: 1, scale: 2)
                #expect(facts.annualPercentageRate >= terms.annualRate.percent - hundredth,
                        "seed \(seed): APR \(facts.annualPercentageRate) below \(terms.annualRate)")
            }
        }
        #expect(checked > 1_500)
    }
}
