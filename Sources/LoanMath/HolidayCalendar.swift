/// A calendar of non-business days: weekly off days, optional bank Saturdays (2nd and 4th), and
/// named holidays. Loaded from `policies/calendars/*.yaml`.
public struct HolidayCalendar: Sendable, Hashable {
    public let name: String
    /// ISO weekdays that are always off (7 = Sunday).
    public let weeklyOffDays: Set<Int>
    /// Whether the 2nd and 4th Saturdays of a month are off (Indian banks).
    public let secondAndFourthSaturdaysOff: Bool
    /// Holidays by date, with their names.
    public let holidays: [LocalDate: String]

    public init(name: String, weeklyOffDays: Set<Int> = [7], secondAndFourthSaturdaysOff: Bool = false,
                holidays: [LocalDate: String] = [:]) {
        self.name = name
        self.weeklyOffDays = weeklyOffDays
        self.secondAndFourthSaturdaysOff = secondAndFourthSaturdaysOff
        self.holidays = holidays
    }

    /// Whether `date` is a business day in this calendar.
    public func isBusinessDay(_ date: LocalDate) -> Bool {
        let weekday = date.isoWeekday
        if weeklyOffDays.contains(weekday) { return false }
        if secondAndFourthSaturdaysOff && weekday == 6 {
            let nth = (date.day - 1) / 7 + 1
            if nth == 2 || nth == 4 { return false }
        }
        return holidays[date] == nil
    }

    /// `date` moved to a business day by `convention`.
    public func adjust(_ date: LocalDate, _ convention: BusinessDayConvention) -> LocalDate {
        switch convention {
        case .unadjusted: return date
        case .following: return step(date, by: 1)
        case .preceding: return step(date, by: -1)
        case .modifiedFollowing:
            let next = step(date, by: 1)
            return next.month == date.month ? next : step(date, by: -1)
        case .modifiedPreceding:
            let previous = step(date, by: -1)
            return previous.month == date.month ? previous : step(date, by: 1)
        }
    }

    /// The `count`-th business day after `date` (before it when negative).
    public func addingBusinessDays(_ count: Int, to date: LocalDate) -> LocalDate {
        var cursor = date
        var left = abs(count)
        let direction = count < 0 ? -1 : 1
        while left > 0 {
            cursor = cursor.adding(days: direction)
            if isBusinessDay(cursor) { left -= 1 }
        }
        return cursor
    }

    private func step(_ date: LocalDate, by direction: Int) -> LocalDate {
        var cursor = date
        var guardDays = 0
        while !isBusinessDay(cursor) && guardDays < 366 {
            cursor = cursor.adding(days: direction)
            guardDays += 1
        }
        return cursor
    }
}

/// How a date that falls on a non-business day is moved.
public enum BusinessDayConvention: String, Sendable, CaseIterable, Codable {
    case unadjusted
    case following
    case modifiedFollowing = "modified-following"
    case preceding
    case modifiedPreceding = "modified-preceding"
}
