/// Puts the inputs an expression or policy reads into the frame, checking each against its
/// declared type. Plain types are checked by a precomputed kind, without touching `RuleType`.
final class InputBinder: Sendable {
    enum Kind: Sendable {
        case bool, integer, decimal, money, rate, date, string
        /// An enum, a list or a record: checked in full.
        case structured
    }

    /// Slots of the inputs read, ascending.
    let used: [Int]
    let kinds: [Kind]
    let names: [String]
    let types: [RuleType]
    let limits: CompileLimits

    init(declarations: Declarations, used: [Int], limits: CompileLimits) {
        self.used = used
        names = declarations.names
        types = declarations.types
        self.limits = limits
        kinds = used.map { slot in
            switch declarations.types[slot] {
            case .bool: return .bool
            case .integer: return .integer
            case .decimal: return .decimal
            case .money: return .money
            case .rate: return .rate
            case .date: return .date
            case .string: return .string
            default: return .structured
            }
        }
    }

    func bind(_ inputs: InputValues, into frame: Frame) throws(EvaluationError) {
        for k in used.indices {
            let slot = used[k]
            guard let value = inputs.values[slot] else {
                throw EvaluationError(.missingInput(names[slot]), at: nil, "input '\(names[slot])' is missing")
            }
            let fits: Bool
            switch (kinds[k], value) {
            case (.bool, .bool), (.integer, .integer), (.decimal, .decimal), (.money, .money), (.rate, .rate), (.date, .date),
                 (.string, .string):
                fits = true
            case (.decimal, .integer(let n)):
                frame.slots[slot] = .decimal(DecimalMath.integer(n))
                continue
            case (.structured, _):
                guard let conformed = InputConformance.conform(value, to: types[slot], limits: limits) else {
                    fits = false
                    break
                }
                frame.slots[slot] = conformed
                continue
            default:
                fits = false
            }
            guard fits else {
                throw EvaluationError(.invalidInput(names[slot]), at: nil, "input '\(names[slot])' must be \(types[slot])")
            }
            frame.slots[slot] = value
        }
    }
}
