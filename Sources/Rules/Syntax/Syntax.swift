import LoanMath

/// Binary operators of the language, loosest first: `or`, `and`, comparisons, `+ -`, `* /`.
enum BinaryOperator: String, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    var isLogical: Bool { self == .and || self == .or }
    var isArithmetic: Bool { !isComparison && !isLogical }
}

/// A parsed expression: what it is and which part of the text it came from.
struct Syntax: Sendable {
    indirect enum Kind: Sendable {
        case integer(Int64)
        case decimal(ExactDecimal)
        /// `55%`, holding 55.
        case percent(ExactDecimal)
        /// `₹50000`, in rupees.
        case money(ExactDecimal)
        case date(LocalDate)
        case string(String)
        case bool(Bool)
        case name(String)
        case list([Syntax])
        case negate(Syntax)
        case not(Syntax)
        case binary(BinaryOperator, Syntax, Syntax)
        /// `x between lo and hi`, both ends included.
        case between(Syntax, Syntax, Syntax)
        /// `x in [..]`, `x in list`, `x not in ..`.
        case membership(Syntax, Syntax, negated: Bool)
        /// `lo..hi` (both included) or `lo..<hi` (hi excluded); only after `in` or in a table cell.
        case range(Syntax, Syntax, halfOpen: Bool)
        case call(String, [Syntax])
        case field(Syntax, String)
    }

    var kind: Kind
    var range: SourceRange

    var name: String? {
        if case .name(let n) = kind { return n }
        return nil
    }
}

/// A parsed decision-table input cell: a test applied to the column's value.
enum CellSyntax: Sendable {
    /// `-`, `any` or empty: matches every value.
    case any
    /// `< 700`, `>= 40%`, `!= "x"`.
    case comparison(BinaryOperator, Syntax)
    /// `700..749`, `0%..<40%`, `between 21 and 60`.
    case range(Syntax, Syntax, halfOpen: Bool)
    /// `in ["a", "b"]`, `["a", "b"]`, `not in [...]`.
    case list([Syntax], negated: Bool)
    /// A plain value: equality with the column.
    case equals(Syntax)
}
