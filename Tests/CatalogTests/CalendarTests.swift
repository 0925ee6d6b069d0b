import Catalog
import LoanMath
import Testing

/// The shipped Indian bank calendar and business-day adjustment around holidays.
@Suite struct CalendarTests {
    static func indiaBanks() throws -> HolidayCalendar {
        let path = Golden.repositoryRoot().appendingPathComponent("policies/calendars/india-banks.yaml").path
        return try CalendarLoader.load(path: path).get()
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func loadsTheShippedCalendar() throws {
        let calendar = try Self.indiaBanks()
        #expect(calendar.name == "india-banks")
        #expect(calendar.weeklyOffDays == [7])
        #expect(calendar.secondAndFourthSaturdaysOff)
        #expect(calendar.holidays[Self.date("2026-01-26")] == "Republic Day")
        #expect(calendar.holidays[Self.date("2026-04-03")] == "Good Friday")
        #expect(calendar.holidays[Self.date("2026-08-15")] == "Independence Day")
        #expect(calendar.holidays[Self.date("2026-10-02")] == "Gandhi Jayanti")
        #expect(calendar.holidays[Self.date("2026-12-25")] == "Christmas")
    }

    /// Sat 24 Jan 2026 is the 4th Saturday, Sun 25 a Sunday, Mon 26 Republic Day: three days off.
    @Test func republicDayLongWeekend() throws {
        let calendar = try Self.indiaBanks()
        for day in ["2026-01-24", "2026-01-25", "2026-01-26"] {
            #expect(!calendar.isBusinessDay(Self.date(day)))
        }
        #expect(calendar.adjust(Self.date("2026-01-24"), .following) == Self.date("2026-01-27"))
        #expect(calendar.adjust(Self.date("2026-01-26"), .preceding) == Self.date("2026-01-23"))
        #expect(calendar.addingBusinessDays(1, to: Self.date("2026-01-23")) == Self.date("2026-01-27"))
    }

    /// Fri 25 Dec 2026 is Christmas, Sat 26 the 4th Saturday, Sun 27 a Sunday.
    @Test func christmasWeekend() throws {
        let calendar = try Self.indiaBanks()
        #expect(calendar.adjust(Self.date("2026-12-25"), .following) == Self.date("2026-12-28"))
        #expect(calendar.adjust(Self.date("2026-12-26"), .modifiedFollowing) == Self.date("2026-12-28"))
        #expect(calendar.adjust(Self.date("2026-12-27"), .preceding) == Self.date("2026-12-24"))
    }

    /// Sat 3 Oct 2026 is the 1st Saturday, a working day, after Gandhi Jayanti on Friday 2 Oct.
    @Test func firstSaturdayIsWorking() throws {
        let calendar = try Self.indiaBanks()
        #expect(calendar.adjust(Self.date("2026-10-02"), .following) == Self.date("2026-10-03"))
    }

    @Test func everyCalendarInTheFolderLoads() throws {
        let directory = Golden.repositoryRoot().appendingPathComponent("policies/calendars").path
        let calendars = try CalendarLoader.loadAll(directory: directory).get()
        #expect(calendars.keys.contains("india-banks"))
    }
}
