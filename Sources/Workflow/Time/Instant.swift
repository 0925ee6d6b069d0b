/// A point in time as whole seconds since 1970-01-01T00:00:00Z, given to the runtime by its driver
/// (the workflow never reads a clock).
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The instant `duration` later, saturating at the largest instant rather than overflowing.
    public func adding(_ duration: ISODuration) -> Instant {
        let (sum, overflow) = secondsSinceEpoch.addingReportingOverflow(duration.seconds)
        return Instant(secondsSinceEpoch: overflow ? .max : sum)
    }

    public static func < (l: Instant, r: Instant) -> Bool { l.secondsSinceEpoch < r.secondsSinceEpoch }

    /// UTC in ISO-8601, e.g. `2026-01-10T09:30:00Z`.
    public var description: String {
        let days = secondsSinceEpoch.quotientAndRemainderFlooring(by: 86_400)
        let (year, month, day) = Instant.civilDate(daysSinceEpoch: days.quotient)
        let seconds = days.remainder
        let time = [seconds / 3600, seconds % 3600 / 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        let date = [month, day].map { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(year)-\(date[0])-\(date[1])T\(time.joined(separator: ":"))Z"
    }

    /// Year, month, day of a day count from 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// Quotient rounded towards minus infinity and a remainder that is never negative.
    func quotientAndRemainderFlooring(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let q = self / divisor, r = self % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
