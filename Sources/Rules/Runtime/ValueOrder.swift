/// Ordering and equality of values as the language compares them: numbers and rates by their
/// number (55% = 0.55), amounts, dates and strings within their own kind.
enum ValueOrder {
    /// -1, 0 or 1; nil when the two values do not compare.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.money(let x), .money(let y)): return DecimalMath.compare(x, y)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.integer, _), (.decimal, _), (.rate, _):
            guard let x = a.decimalValue, let y = b.decimalValue, b.isNumberLike else { return nil }
            return DecimalMath.compare(x, y)
        default:
            return nil
        }
    }

    /// Whether two values are equal by the language's rules.
    static func equal(_ a: Value, _ b: Value) -> Bool { compare(a, b) == 0 }
}

extension Value {
    /// An integer, decimal or rate.
    var isNumberLike: Bool {
        switch self {
        case .integer, .decimal, .rate: return true
        default: return false
        }
    }
}
