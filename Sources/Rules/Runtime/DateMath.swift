import LoanMath

/// Date arithmetic for the rules language, checked so that no input can trap.
///
/// Months follow the anchor-day rule of `LocalDate.adding(months:)`: 31 Jan + 1 month = 28 Feb
/// (29 in a leap year). `months_between(a, b)` counts whole months: the largest n with
/// `add_months(a, n) <= b`, negated when b is before a.
enum DateMath {
    static let first = LocalDate(year: 1, month: 1, day: 1)!
    static let last = LocalDate(year: 9999, month: 12, day: 31)!

    static func addDays(_ date: LocalDate, _ days: Int64) -> LocalDate? {
        let (n, o) = Int64(date.dayNumber).addingReportingOverflow(days)
        guard !o, n >= Int64(first.dayNumber), n <= Int64(last.dayNumber) else { return nil }
        return LocalDate(dayNumber: Int32(n))
    }

    static func addMonths(_ date: LocalDate, _ months: Int64) -> LocalDate? {
        let (y, m, _) = date.civil
        let (total, o) = Int64(y * 12 + m - 1).addingReportingOverflow(months)
        guard !o, total >= 12, total < 10_000 * 12 else { return nil }
        return date.adding(months: Int(months))
    }

    static func daysBetween(_ a: LocalDate, _ b: LocalDate) -> Int64 { Int64(a.days(until: b)) }

    static func monthsBetween(_ a: LocalDate, _ b: LocalDate) -> Int64 {
        if b < a { return -monthsBetween(b, a) }
        let (y1, m1, _) = a.civil
        let (y2, m2, _) = b.civil
        var n = (y2 - y1) * 12 + (m2 - m1)
        if a.adding(months: n) > b { n -= 1 }
        return Int64(n)
    }

    /// Whole years, as for an age: `years_between(date_of_birth, application_date)`.
    static func yearsBetween(_ a: LocalDate, _ b: LocalDate) -> Int64 { monthsBetween(a, b) / 12 }
}
