import Testing
@testable import LoanMath

@Suite("Dates, frequencies and day counts")
struct DateTests {
    func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test("ISO dates round-trip and invalid ones are refused")
    func isoDates() {
        #expect(date("2024-02-29").iso == "2024-02-29")
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "26-01-01") == nil)
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("2000-03-01").dayNumber == 11_017)  // days from 1970-01-01 to 2000-03-01
        #expect(date("2026-11-22").isoWeekday == 7)  // a Sunday
    }

    @Test("ISO text is exactly YYYY-MM-DD: other shapes are refused, every day of a leap year round-trips")
    func isoShapes() {
        for text in ["2026-1-01", "+026-01-01", "2026-01-1", "2026/01/01", "2026-01-01 ", " 2026-01-01", "2026-0a-01",
                     "20260-1-01", "", "2026-00-10", "2026-04-31", "２０２６-01-01"] {
            #expect(LocalDate(iso: text) == nil, "\(text) should be refused")
        }
        #expect(date("0001-01-01").iso == "0001-01-01")
        #expect(date("9999-12-31").iso == "9999-12-31")
        // Every day of 2024 against the calendar worked by hand: month lengths 31, 29, 31, 30, …
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var day = date("2024-01-01")
        for (index, length) in lengths.enumerated() {
            for d in 1...length {
                let text = "2024-" + (index < 9 ? "0" : "") + String(index + 1) + "-" + (d < 10 ? "0" : "") + String(d)
                #expect(day.iso == text)
                #expect(LocalDate(iso: text) == day)
                day = day.adding(days: 1)
            }
        }
        #expect(day.iso == "2025-01-01")
    }

    @Test("leap years by the Gregorian rule")
    func leapYears() {
        #expect(LocalDate.isLeap(2024) && LocalDate.isLeap(2000) && LocalDate.isLeap(2028))
        #expect(!LocalDate.isLeap(1900) && !LocalDate.isLeap(2026) && !LocalDate.isLeap(2100))
    }

    @Test("monthly due dates keep their anchor day across month ends and leap years")
    func anchorDay() {
        let first = date("2028-01-31")
        let dues = (0..<4).map { Frequency.monthly.date($0, after: first).iso }
        #expect(dues == ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"])
        let nonLeap = (0..<3).map { Frequency.monthly.date($0, after: date("2026-01-31")).iso }
        #expect(nonLeap == ["2026-01-31", "2026-02-28", "2026-03-31"])
        // A schedule anchored on the 30th that starts in February returns to the 30th.
        #expect(Frequency.monthly.date(1, after: date("2026-02-28"), anchorDay: 30).iso == "2026-03-30")
        #expect(Frequency.quarterly.date(1, after: date("2025-11-30")).iso == "2026-02-28")
        #expect(Frequency.halfYearly.date(-1, after: date("2026-08-31")).iso == "2026-02-28")
        #expect(Frequency.weekly.date(2, after: date("2026-12-28")).iso == "2027-01-11")
        #expect(Frequency.fortnightly.date(1, after: date("2028-02-20")).iso == "2028-03-05")
    }

    @Test("30/360 counts every month as 30 days (ISDA bond basis)")
    func thirty360() {
        #expect(DayCount.days30360(date("2026-01-31"), date("2026-02-28")) == 28)
        #expect(DayCount.days30360(date("2026-01-15"), date("2026-02-15")) == 30)
        #expect(DayCount.days30360(date("2026-01-30"), date("2026-03-31")) == 60)
        #expect(DayCount.days30360(date("2026-01-20"), date("2026-03-05")) == 45)
        #expect(DayCount.thirty360.yearFraction(from: date("2026-01-10"), to: date("2027-01-10")) == YearFraction(360, 360))
    }

    @Test("actual/actual ISDA splits a period at the year boundary")
    func actualActual() {
        // ISDA's example: 2003-11-01 to 2004-05-01 = 61/365 + 121/366.
        let f = DayCount.actualActual.yearFraction(from: date("2003-11-01"), to: date("2004-05-01"))
        #expect(f.numerator * 365 * 366 == (61 * 366 + 121 * 365) * f.denominator)
        #expect(abs(f.approximate - 0.497724380567) < 1e-12)
    }

    @Test("actual/365, /360 and /364 count calendar days")
    func actualDays() {
        let a = date("2028-02-01"), b = date("2028-03-01")
        #expect(DayCount.actual365.yearFraction(from: a, to: b) == YearFraction(29, 365))
        #expect(DayCount.actual360.yearFraction(from: a, to: b) == YearFraction(29, 360))
        #expect(DayCount.actual364.yearFraction(from: a, to: b) == YearFraction(29, 364))
    }

    @Test("business days: weekends, bank Saturdays and holidays")
    func businessDays() {
        let calendar = HolidayCalendar(name: "test", weeklyOffDays: [7], secondAndFourthSaturdaysOff: true,
                                       holidays: [date("2026-01-26"): "Republic Day"])
        // 2026-01-24 is the 4th Saturday, 25th a Sunday, 26th Republic Day (Monday).
        #expect(!calendar.isBusinessDay(date("2026-01-24")))
        #expect(calendar.isBusinessDay(date("2026-01-31")))  // 5th Saturday works
        #expect(calendar.adjust(date("2026-01-24"), .following).iso == "2026-01-27")
        #expect(calendar.adjust(date("2026-01-25"), .preceding).iso == "2026-01-23")
        #expect(calendar.adjust(date("2026-01-26"), .unadjusted).iso == "2026-01-26")
        // 2026-05-31 is a Sunday: following leaves the month, so modified-following goes back.
        #expect(calendar.adjust(date("2026-05-31"), .modifiedFollowing).iso == "2026-05-30")
        #expect(calendar.addingBusinessDays(3, to: date("2026-01-23")).iso == "2026-01-29")
    }
}
