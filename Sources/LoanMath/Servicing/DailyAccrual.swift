/// Spreads a period's interest over the days of the period so that the daily amounts sum to the
/// period's interest exactly. Day `k`'s accrual is `⌊I·k/D⌋ − ⌊I·(k−1)/D⌋`: the sub-paisa remainder
/// of each day is carried into the next instead of being rounded away.
public enum DailyAccrual {
    /// Interest accrued over days 1…`day` of a `days`-day period whose interest is `total`.
    public static func cumulative(through day: Int, of days: Int, total: Money) -> Money {
        precondition(days > 0, "an accrual period has at least one day")
        let k = Swift.min(Swift.max(day, 0), days)
        return total.scaled(by: Int128(k), over: Int128(days), .down)
    }

    /// Interest accrued on day `day` (1-based) of a `days`-day period whose interest is `total`.
    public static func amount(onDay day: Int, of days: Int, total: Money) -> Money {
        cumulative(through: day, of: days, total: total) - cumulative(through: day - 1, of: days, total: total)
    }
}
