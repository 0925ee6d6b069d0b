/// Builds flat-rate and Rule-of-78 schedules: interest on the original principal for the whole
/// term, spread equally (flat) or by the sum of digits (Rule of 78).
struct FlatScheduleBuilder {
    let terms: LoanTerms
    let dates: ScheduleDates

    func build() throws(ScheduleError) -> Schedule {
        let n = terms.installmentCount
        let currency = terms.principal.currency
        let principalAmount = terms.principal
        let mode = terms.rounding.interestMode
        // Total interest = P × rate × years, years = n / periods per year.
        let totalInterest = terms.annualRate.interest(
            on: principalAmount, for: YearFraction(Int64(n), Int64(terms.frequency.periodsPerYear)), mode)
        // A broken first period adds (or removes) interest for the extra (or missing) days.
        let brokenAdjustment = terms.annualRate.interest(
            on: principalAmount, for: dates.yearFraction(0, terms) - dates.regularFirstFraction(terms), mode)
        let installment = (principalAmount + totalInterest)
            .scaled(by: 1, over: Int128(n), terms.rounding.installmentMode)
            .rounded(to: terms.rounding.installmentUnit, terms.rounding.installmentMode)
        let digitsSum = Int128(n) * Int128(n + 1) / 2

        var rows: [ScheduleRow] = []
        rows.reserveCapacity(n)
        var balance = principalAmount
        var interestLeft = totalInterest
        for k in 0..<n {
            var interest: Money
            var principal: Money
            if k == n - 1 {
                interest = interestLeft
                principal = balance
                if terms.rounding.lastInstallment == .equal {
                    // Level last instalment: the rounding difference goes to interest.
                    interest = installment - principal
                    if interest.isNegative { throw .negativeAmortisation(installment: k + 1) }
                }
            } else {
                switch terms.method {
                case .ruleOf78: interest = totalInterest.scaled(by: Int128(n - k), over: digitsSum, mode)
                default: interest = totalInterest.scaled(by: 1, over: Int128(n), mode)
                }
                principal = installment - interest
                if principal.isNegative { throw .negativeAmortisation(installment: k + 1) }
                principal = Money.min(principal, balance)
            }
            interestLeft -= interest
            let charged = k == 0 ? interest + brokenAdjustment : interest
            let opening = balance
            balance -= principal
            rows.append(ScheduleRow(number: k + 1, dueDate: dates.dueDates[k],
                                    periodStart: dates.periodStart(k, disbursed: terms.disbursementDate),
                                    openingBalance: opening, principal: principal, interest: charged,
                                    capitalisedInterest: .zero(currency), closingBalance: balance,
                                    periodFraction: dates.yearFraction(k, terms)))
        }
        return Schedule(terms: terms, rows: rows, installmentAmount: installment)
    }
}
