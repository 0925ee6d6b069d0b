/// What a name outside the expression refers to.
enum GlobalLookup {
    /// A value in a slot, with its type.
    case value(slot: Int, type: RuleType, fractionalPaise: Bool)
    /// Nothing of that name is declared.
    case missing
    /// It is declared but could not be checked (already reported): stay quiet.
    case failed
}

/// The names an expression can see: declared inputs, derived values, table outputs.
struct NameScope {
    var lookup: (String, SourceLocation) -> GlobalLookup
    /// Every visible name, for "did you mean" hints.
    var names: () -> [String]
}

/// Collects diagnostics from every stage, and hands out slots for list-function elements.
final class CheckContext {
    var diagnostics: [Diagnostic] = []
    let limits: CompileLimits
    /// First slot for list-function elements (after every global slot).
    var elementBase: Int
    /// Deepest list-function nesting seen.
    var elementDepthUsed = 0

    init(limits: CompileLimits, elementBase: Int) {
        self.limits = limits
        self.elementBase = elementBase
    }

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
