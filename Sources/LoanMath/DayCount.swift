/// A day-count convention: how the days between two dates become a fraction of a year.
public enum DayCount: String, Sendable, CaseIterable, Codable {
    /// Every month counts 30 days, the year 360 (ISDA 30/360 bond basis).
    case thirty360 = "30/360"
    case actual365 = "actual/365"
    case actual360 = "actual/360"
    case actual364 = "actual/364"
    /// ISDA actual/actual: days in a leap year over 366, others over 365.
    case actualActual = "actual/actual"

    /// The exact year fraction from `start` (inclusive) to `end` (exclusive).
    public func yearFraction(from start: LocalDate, to end: LocalDate) -> YearFraction {
        switch self {
        case .thirty360: return YearFraction(Int64(DayCount.days30360(start, end)), 360)
        case .actual365: return YearFraction(Int64(start.days(until: end)), 365)
        case .actual360: return YearFraction(Int64(start.days(until: end)), 360)
        case .actual364: return YearFraction(Int64(start.days(until: end)), 364)
        case .actualActual: return DayCount.actualActualISDA(start, end)
        }
    }

    /// Days between two dates as this convention counts them.
    public func days(from start: LocalDate, to end: LocalDate) -> Int {
        self == .thirty360 ? DayCount.days30360(start, end) : start.days(until: end)
    }

    /// Whether every regular period counts as exactly 1/periods-per-year of a year.
    public var hasEqualPeriods: Bool { self == .thirty360 }

    static func days30360(_ start: LocalDate, _ end: LocalDate) -> Int {
        let (y1, m1, d1raw) = start.civil
        let (y2, m2, d2raw) = end.civil
        let d1 = min(d1raw, 30)
        let d2 = (d2raw == 31 && d1 >= 30) ? 30 : d2raw
        return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)
    }

    static func actualActualISDA(_ start: LocalDate, _ end: LocalDate) -> YearFraction {
        if end <= start { return YearFraction(Int64(start.days(until: end)), 365) }
        var inLeap: Int64 = 0, inCommon: Int64 = 0
        var cursor = start
        while cursor < end {
            let nextYear = LocalDate(year: cursor.year + 1, month: 1, day: 1)!
            let stop = min(nextYear, end)
            let days = Int64(cursor.days(until: stop))
            if LocalDate.isLeap(cursor.year) { inLeap += days } else { inCommon += days }
            cursor = stop
        }
        return YearFraction(inCommon * 366 + inLeap * 365, 365 * 366)
    }
}
