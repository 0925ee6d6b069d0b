import LoanMath

/// What `lendline demo` seeds: how many loans, over how many months from which business date, and
/// the seed of the generator that picks amounts (the same seed always gives the same book).
public struct DemoSettings: Sendable, Hashable {
    public var loans: Int
    public var months: Int
    public var start: LocalDate
    public var seed: UInt64

    public init(loans: Int = 300, months: Int = 6, start: LocalDate = LocalDate(year: 2025, month: 10, day: 1)!,
                seed: UInt64 = 2_026) {
        self.loans = loans
        self.months = months
        self.start = start
        self.seed = seed
    }

    /// The last business date the demo runs through.
    public var end: LocalDate { start.adding(months: months).adding(days: -1) }
}

/// How a demo borrower pays, by the loan's number (so every behaviour appears in a small book).
enum DemoBehaviour: Sendable, Hashable {
    /// Pays every instalment on its due date.
    case prompt
    /// Pays each instalment `days` late.
    case late(days: Int)
    /// Pays the first `paid` instalments, then nothing.
    case stops(after: Int)
    /// Prompt, and prepays a quarter of the principal 45 days in.
    case prepays
    /// Prompt, and forecloses 75 days in.
    case forecloses
    /// Each NACH debit bounces on the due date; the borrower pays five days later.
    case bounces

    static func of(_ number: Int, _ random: inout SplitMix64) -> DemoBehaviour {
        switch number % 10 {
        case 3, 8: return .stops(after: 0)
        case 4: return .late(days: 10 + Int(random.next() % 30))
        case 6: return .stops(after: 1)
        case 7: return number % 20 == 7 ? .prepays : .forecloses
        case 9: return .bounces
        default: return .prompt
        }
    }
}

/// A small, fast, seeded generator (SplitMix64): the demo's only source of variety.
struct SplitMix64: Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
