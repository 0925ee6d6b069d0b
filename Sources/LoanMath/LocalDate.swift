/// A calendar date without time or zone: a business date, stored as days since 1970-01-01.
public struct LocalDate: Hashable, Sendable, Comparable, Strideable {
    /// Days since 1970-01-01 (negative before).
    public let dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// The date for a valid year, month (1–12) and day; `nil` if no such day exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        self.init(dayNumber: Int32(LocalDate.daysFromCivil(year, month, day)))
    }

    /// Parses an ISO date `YYYY-MM-DD`.
    public init?(iso text: String) {
        // Read byte by byte: dates are parsed for every stored event a replay reads.
        var text = text
        guard text.utf8.count == 10 else { return nil }
        let fields = text.withUTF8 { b -> (Int, Int, Int)? in
            func digits(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard b[i] >= 48, b[i] <= 57 else { return nil }
                    n = n * 10 + Int(b[i] - 48)
                }
                return n
            }
            guard b[4] == 45, b[7] == 45, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10)
            else { return nil }
            return (y, m, d)
        }
        guard let fields else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// (year, month, day) of this date.
    public var civil: (year: Int, month: Int, day: Int) { LocalDate.civilFromDays(Int(dayNumber)) }

    /// ISO text `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = civil
        guard (0...9999).contains(y) else { return String(format4: y) + "-" + String(format2: m) + "-" + String(format2: d) }
        // Written byte by byte: a date is formatted for every row a day end writes.
        return String(unsafeUninitializedCapacity: 10) { b in
            b[0] = 48 + UInt8(y / 1000)
            b[1] = 48 + UInt8(y / 100 % 10)
            b[2] = 48 + UInt8(y / 10 % 10)
            b[3] = 48 + UInt8(y % 10)
            b[4] = 45
            b[5] = 48 + UInt8(m / 10)
            b[6] = 48 + UInt8(m % 10)
            b[7] = 45
            b[8] = 48 + UInt8(d / 10)
            b[9] = 48 + UInt8(d % 10)
            return 10
        }
    }

    /// Day of the week, 1 = Monday … 7 = Sunday (ISO).
    public var isoWeekday: Int {
        let w = (Int(dayNumber) + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public static func < (l: LocalDate, r: LocalDate) -> Bool { l.dayNumber < r.dayNumber }

    public func distance(to other: LocalDate) -> Int { Int(other.dayNumber) - Int(dayNumber) }
    public func advanced(by n: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + Int32(n)) }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate { advanced(by: days) }

    /// Days from this date to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { distance(to: other) }

    /// The date `months` later on `anchorDay` (default: this date's day), clamped to the month's end:
    /// 31 Jan + 1 month = 28/29 Feb, and with anchor 31, + 2 months = 31 Mar.
    public func adding(months: Int, anchorDay: Int? = nil) -> LocalDate {
        let (y, m, d) = civil
        let total = y * 12 + (m - 1) + months
        let year = total / 12, month = total % 12 + 1
        let day = min(anchorDay ?? d, LocalDate.daysIn(month: month, year: year))
        return LocalDate(year: year, month: month, day: day)!
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether this is the last day of its month.
    public var isEndOfMonth: Bool { day == LocalDate.daysIn(month: month, year: year) }

    // Howard Hinnant's civil-calendar algorithms (proleptic Gregorian).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension LocalDate: CustomStringConvertible {
    public var description: String { iso }
}

extension String {
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
    init(format4 n: Int) {
        let s = String(n)
        self = String(repeating: "0", count: Swift.max(0, 4 - s.count)) + s
    }
}
