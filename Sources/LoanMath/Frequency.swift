/// How often instalments fall due.
public enum Frequency: String, Sendable, CaseIterable, Codable {
    case weekly, fortnightly, monthly, quarterly
    case halfYearly = "half-yearly"
    case yearly

    /// Instalments in a year (52, 26, 12, 4, 2, 1).
    public var periodsPerYear: Int {
        switch self {
        case .weekly: return 52
        case .fortnightly: return 26
        case .monthly: return 12
        case .quarterly: return 4
        case .halfYearly: return 2
        case .yearly: return 1
        }
    }

    /// The length of a period: a number of days (weekly, fortnightly) or of months.
    public enum Step: Hashable, Sendable {
        case days(Int)
        case months(Int)
    }

    public var step: Step {
        switch self {
        case .weekly: return .days(7)
        case .fortnightly: return .days(14)
        case .monthly: return .months(1)
        case .quarterly: return .months(3)
        case .halfYearly: return .months(6)
        case .yearly: return .months(12)
        }
    }

    /// The due date `periods` periods after `anchor`, keeping the anchor's day of month (a loan due
    /// on the 31st falls due on 28/29 Feb and on 31 Mar again).
    /// `anchorDay` overrides the day kept (31 when a schedule anchored on the 31st starts in February).
    public func date(_ periods: Int, after anchor: LocalDate, anchorDay: Int? = nil) -> LocalDate {
        switch step {
        case .days(let d): return anchor.adding(days: d * periods)
        case .months(let m): return anchor.adding(months: m * periods, anchorDay: anchorDay ?? anchor.day)
        }
    }
}
