import LoanMath
import Rules

/// How values appear in documents: amounts as `₹1,00,000.00` (Indian grouping), rates as `14.00%`,
/// dates as `31-01-2026`, bools as `Yes`/`No`, numbers and text as they are.
public enum DocumentFormat {
    /// The text of `value`; nil for a list or record, or an amount that is not whole paise.
    public static func text(_ value: Value) -> String? {
        switch value {
        case .money: return value.moneyValue?.indianFormatted
        case .rate(let fraction): return percent(fraction)
        case .date(let date): return dayMonthYear(date)
        case .bool(let flag): return flag ? "Yes" : "No"
        case .integer(let number): return String(number)
        case .decimal(let number): return number.normalized.description
        case .string(let text): return text
        case .list, .record: return nil
        }
    }

    /// `0.14` as `14.00%`: at least two places, more when the rate has them (`10.125%`).
    static func percent(_ fraction: ExactDecimal) -> String {
        let n = fraction.normalized
        let percent =
            n.scale >= 2
            ? ExactDecimal(significand: n.significand, scale: n.scale - 2)
            : ExactDecimal(significand: n.significand * power(of: 10, 2 - n.scale), scale: 0)
        let shown = percent.normalized
        return shown.rescaled(to: max(2, shown.scale)).description + "%"
    }

    /// `31-01-2026`.
    static func dayMonthYear(_ date: LocalDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(date.day, 2) + "-" + pad(date.month, 2) + "-" + pad(date.year, 4)
    }

    private static func power(of base: Int128, _ exponent: Int) -> Int128 {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }
}
