/// The unit an amount is rounded to: the minor unit, a whole major unit, or a multiple of major units.
public enum RoundingUnit: Hashable, Sendable {
    /// The minor unit (one paisa).
    case minor
    /// A whole major unit (one rupee).
    case major
    /// A multiple of major units, e.g. 10 for "round to ₹10".
    case multipleOfMajor(Int64)

    /// The unit's size in minor units of `currency`.
    public func minorUnits(in currency: Currency) -> Int64 {
        switch self {
        case .minor: return 1
        case .major: return currency.minorUnitsPerMajor
        case .multipleOfMajor(let n): return n * currency.minorUnitsPerMajor
        }
    }

    /// Parses `paise`, `rupee` or a positive whole number of rupees such as `10`.
    public init?(parsing text: String) {
        switch text {
        case "paise", "paisa", "minor": self = .minor
        case "rupee", "rupees", "major", "1": self = .major
        default:
            guard let n = Int64(text), n > 1 else { return nil }
            self = .multipleOfMajor(n)
        }
    }

    public var name: String {
        switch self {
        case .minor: return "paise"
        case .major: return "rupee"
        case .multipleOfMajor(let n): return String(n)
        }
    }
}
