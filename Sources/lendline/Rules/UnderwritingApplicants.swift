import LoanMath
import Rules

/// A deterministic mix of personal-loan applicants for the shipped underwriting policy, set by
/// slot: ages 19–64, incomes ₹20,000–₹2,00,000 a month asking 2 to 15 months' income, scores from
/// new-to-credit to 900, some delinquency, write-offs and short job tenures, so every rule and most
/// pricing rows are reached.
enum UnderwritingApplicants {
    /// Inputs the generator sets; the policy must declare each.
    static let inputNames = [
        "date_of_birth", "application_date", "employment_type", "months_in_job", "monthly_income", "existing_emi",
        "proposed_emi", "requested_amount", "tenure_months", "bureau_score", "max_dpd_12m", "enquiries_6m",
        "written_off_or_settled_36m",
    ]

    /// Instalment per ₹1,00,000 at 14% a year for 12, 24, 36, 48 and 60 months (rounded rupees).
    static let emiPerLakh: [Int64: Int64] = [12: 8_982, 24: 4_803, 36: 3_418, 48: 2_733, 60: 2_327]

    /// `count` applicants for `policy`, or the names of the inputs it lacks.
    static func make(for policy: CompiledPolicy, count: Int) -> Result<[InputValues], MissingInputs> {
        let missing = inputNames.filter { policy.inputSlot(named: $0) == nil }
        guard missing.isEmpty else { return .failure(MissingInputs(names: missing)) }
        let slot = { (name: String) in policy.inputSlot(named: name)! }
        var random = SeededGenerator(seed: 2026)
        func next(_ bound: Int) -> Int64 { Int64(random.next() % UInt64(bound)) }
        let application = LocalDate(year: 2026, month: 3, day: 15)!
        var result: [InputValues] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            var inputs = policy.makeInputs()
            inputs[slot("date_of_birth")] = .date(application.adding(days: -Int(19 * 365 + next(45 * 365))))
            inputs[slot("application_date")] = .date(application)
            inputs[slot("employment_type")] = .string(next(3) == 0 ? "self_employed" : "salaried")
            inputs[slot("months_in_job")] = .integer(next(120))
            let income = 20_000 + next(180_000)
            inputs[slot("monthly_income")] = .rupees(income)
            inputs[slot("existing_emi")] = .rupees(next(Int(income * 2 / 5)))
            // Asking 2 to 15 months' income, in ₹10,000s, within ₹50,000 to ₹25,00,000.
            let amount = min(max(income * (2 + next(14)) / 10_000 * 10_000, 50_000), 2_500_000)
            let tenure = [12, 24, 36, 36, 48, 60, 60][Int(next(7))] as Int64
            inputs[slot("requested_amount")] = .rupees(amount)
            inputs[slot("tenure_months")] = .integer(tenure)
            inputs[slot("proposed_emi")] = .rupees(amount * emiPerLakh[tenure]! / 100_000)
            inputs[slot("bureau_score")] = .integer(next(10) == 0 ? -1 : 630 + next(271))
            inputs[slot("max_dpd_12m")] = .integer([0, 0, 0, 0, 0, 0, 15, 45, 120][Int(next(9))])
            inputs[slot("enquiries_6m")] = .integer(next(7))
            inputs[slot("written_off_or_settled_36m")] = .bool(next(25) == 0)
            result.append(inputs)
        }
        return .success(result)
    }

    /// Inputs the generator needs that a policy does not declare.
    struct MissingInputs: Error, CustomStringConvertible {
        var names: [String]
        var description: String { "the policy does not declare the inputs " + names.joined(separator: ", ") }
    }
}
