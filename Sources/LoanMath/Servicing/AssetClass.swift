/// RBI's income recognition and asset classification (IRACP) classes of a loan, from standard
/// through the special-mention and non-performing classes.
public enum AssetClass: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case standard
    case sma0 = "sma-0"
    case sma1 = "sma-1"
    case sma2 = "sma-2"
    case substandard
    case doubtfulD1 = "doubtful-d1"
    case doubtfulD2 = "doubtful-d2"
    case doubtfulD3 = "doubtful-d3"
    case loss

    /// Whether the class is non-performing: interest is not recognised as income.
    public var isNPA: Bool { self >= .substandard }

    /// Whether the class is a doubtful one (D1, D2 or D3).
    public var isDoubtful: Bool { self == .doubtfulD1 || self == .doubtfulD2 || self == .doubtfulD3 }

    private var rank: Int { AssetClass.allCases.firstIndex(of: self) ?? 0 }

    public static func < (l: AssetClass, r: AssetClass) -> Bool { l.rank < r.rank }
}

/// Days past due: counted from the oldest unpaid due date, which is day 1 when it is still unpaid
/// at that day's end (RBI: due 31 Mar unpaid → 30 days overdue at the end of 29 Apr, SMA-1 on 30 Apr).
public enum DaysPastDue {
    /// DPD at the end of `date` when the oldest due still unpaid fell due on `oldestUnpaidDue`.
    public static func at(_ date: LocalDate, oldestUnpaidDue: LocalDate?) -> Int {
        guard let due = oldestUnpaidDue, due <= date else { return 0 }
        return due.days(until: date) + 1
    }
}
