import LoanMath

/// Reads a holiday-calendar file's tree into a `HolidayCalendar`, reporting every problem.
struct CalendarDecoder {
    let log: DiagnosticLog
    /// The name the file name demands, or `nil` to skip that check.
    let expectedName: String?

    static let keys = Schemas.calendar.keys

    func decode(_ root: ConfigNode) -> HolidayCalendar? {
        guard let reader = MappingReader(root, owner: nil, keys: CalendarDecoder.keys, log: log) else { return nil }
        let name = reader.required("calendar", .identifier(example: "india-banks"))
        if let name, let expectedName, name.value != expectedName {
            log.error("the calendar name `\(name.value)` must match the file name `\(expectedName).yaml`", at: name)
        }
        _ = reader.optional("description", .text)
        let weeklyOff = reader.requiredEntry("weekly_off").flatMap(weeklyOffDays)
        let saturdays = reader.optional("second_and_fourth_saturdays_off", .bool)
        let holidays = reader.list("holidays").map { holidayDates($0.items, list: $0.entry) } ?? [:]
        guard let name, let weeklyOff else { return nil }
        return HolidayCalendar(name: name.value, weeklyOffDays: weeklyOff,
                               secondAndFourthSaturdaysOff: saturdays?.value ?? false, holidays: holidays)
    }

    /// `weekly_off: [sunday]`, each day at most once.
    func weeklyOffDays(_ entry: ConfigEntry) -> Set<Int>? {
        guard let items = entry.value.items else {
            log.error("expected `weekly_off` to be a list of days such as `[sunday]`, found \(entry.value.kindDescription)",
                      at: entry.value)
            return nil
        }
        var days: Set<Int> = []
        for item in items {
            guard let day = MappingReader.read(item, key: "weekly_off", Weekday.parser, log: log) else { continue }
            if !days.insert(day.value.rawValue).inserted {
                log.error("`\(day.value.word)` is listed more than once", at: day)
            }
        }
        return days
    }

    /// `holidays: [{ date, name }]`, each date at most once.
    func holidayDates(_ items: [ConfigNode], list: ConfigEntry) -> [LocalDate: String] {
        var holidays: [LocalDate: String] = [:]
        for item in items {
            guard let reader = MappingReader(item, owner: list, keys: Schemas.calendar.object("holidays").keys, log: log, isListItem: true) else { continue }
            let date = reader.required("date", .date), name = reader.required("name", .text)
            guard let date, let name else { continue }
            if let earlier = holidays[date.value] {
                log.error("\(date.value) is already a holiday (\(earlier))", at: date)
                continue
            }
            holidays[date.value] = name.value
        }
        return holidays
    }
}
