/// The due dates and interest periods of a schedule.
struct ScheduleDates {
    let dueDates: [LocalDate]
    /// Where a regular first period would have started (one period before the first due date).
    let regularFirstStart: LocalDate

    init(_ terms: LoanTerms) {
        let frequency = terms.frequency
        let disbursed = terms.disbursementDate
        let anchorDay = terms.firstDueDate?.day ?? disbursed.day
        let firstDue = terms.firstDueDate ?? frequency.date(1, after: disbursed, anchorDay: anchorDay)
        var dates: [LocalDate] = []
        dates.reserveCapacity(terms.installmentCount)
        for k in 0..<terms.installmentCount {
            dates.append(frequency.date(k, after: firstDue, anchorDay: anchorDay))
        }
        dueDates = dates
        regularFirstStart = frequency.date(-1, after: firstDue, anchorDay: anchorDay)
    }

    func periodStart(_ index: Int, disbursed: LocalDate) -> LocalDate {
        index == 0 ? disbursed : dueDates[index - 1]
    }

    /// The year fraction over which interest runs for instalment `index` (0-based).
    func yearFraction(_ index: Int, _ terms: LoanTerms) -> YearFraction {
        let start = periodStart(index, disbursed: terms.disbursementDate)
        if terms.dayCount.hasEqualPeriods && (index > 0 || start == regularFirstStart) {
            return YearFraction(1, Int64(terms.frequency.periodsPerYear))
        }
        return terms.dayCount.yearFraction(from: start, to: dueDates[index])
    }

    /// The year fraction a full regular first period would have had.
    func regularFirstFraction(_ terms: LoanTerms) -> YearFraction {
        if terms.dayCount.hasEqualPeriods { return YearFraction(1, Int64(terms.frequency.periodsPerYear)) }
        return terms.dayCount.yearFraction(from: regularFirstStart, to: dueDates[0])
    }
}
