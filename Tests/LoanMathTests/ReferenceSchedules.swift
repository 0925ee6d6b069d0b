import Foundation
@testable import LoanMath

/// Schedules computed by `Tests/Reference/schedule_reference.py`, an independent implementation
/// (numpy-financial's `pmt` and Python's exact Decimal), stored in `Fixtures/reference-schedules.json`.
struct ReferenceSchedules: Decodable {
    struct Case: Decodable {
        let name: String
        let principal: String
        let rate: String
        let tenure: Int
        let frequency: String?
        let day_count: String?
        let disbursement_date: String
        let first_due_date: String?
        let installment_unit: String?
        let installment_mode: String?
        let amortization: String?
        let balloon: String?
        let method: String?
        let moratorium_principal: Int?
        let moratorium_interest: Int?
        let deferred_interest: String?
    }

    struct Row: Decodable {
        let number: Int
        let due_date: String?
        let opening_balance: String
        let principal: String
        let interest: String
        let total: String
        let closing_balance: String
    }

    struct Entry: Decodable {
        let `case`: Case
        let rows: [Row]
        let total_interest: String?
        let installment: String?
    }

    let reducing: [Entry]
    let flat: [Entry]

    static func load() throws -> ReferenceSchedules {
        let url = try require2(Bundle.module.url(forResource: "reference-schedules", withExtension: "json",
                                                  subdirectory: "Fixtures"))
        return try JSONDecoder().decode(ReferenceSchedules.self, from: Data(contentsOf: url))
    }
}

extension ReferenceSchedules.Case {
    /// The case as LoanMath terms.
    var terms: LoanTerms {
        let amortizationValue: Amortization
        switch amortization ?? "equal-installment" {
        case "balloon": amortizationValue = .balloon(Money(parsing: balloon!)!)
        case "equal-principal": amortizationValue = .equalPrincipal
        case "interest-only": amortizationValue = .interestOnly
        default: amortizationValue = .equalInstallment
        }
        return LoanTerms(
            principal: Money(parsing: principal)!, annualRate: Rate(parsing: rate)!, installmentCount: tenure,
            frequency: Frequency(rawValue: frequency ?? "monthly")!,
            method: InterestMethod(rawValue: method ?? "reducing-balance")!, amortization: amortizationValue,
            dayCount: DayCount(rawValue: day_count ?? "30/360")!,
            disbursementDate: LocalDate(iso: disbursement_date)!, firstDueDate: first_due_date.flatMap(LocalDate.init(iso:)),
            moratorium: Moratorium(principalPeriods: moratorium_principal ?? 0, interestPeriods: moratorium_interest ?? 0,
                                   deferredInterest: DeferredInterestTreatment(rawValue: deferred_interest ?? "capitalise")!),
            rounding: ScheduleRounding(installmentUnit: RoundingUnit(parsing: installment_unit ?? "paise")!,
                                       installmentMode: RoundingMode(rawValue: installment_mode ?? "half-up")!))
    }
}

struct MissingFixture: Error {}

func require2<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingFixture() }
    return value
}
