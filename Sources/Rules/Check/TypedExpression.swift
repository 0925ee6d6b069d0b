import LoanMath

/// Built-in functions after checking, with their compile-time arguments resolved.
enum Builtin: Sendable, Equatable {
    case min, max, clamp, abs
    case round(step: ExactDecimal, mode: RoundingMode)
    case addMonths, addDays, monthsBetween, daysBetween, yearsBetween
    /// `rupees(x)`: a number as an amount.
    case rupees
    /// `percent(x)`: a number as a percentage (`percent(12.5)` = 12.5%).
    case percent
}

/// List functions, which run a body once per element with the element in scope.
enum Aggregate: Sendable, Equatable {
    case count, sum, any, all, min, max
}

/// A checked expression: its meaning, type and place. Produced by `TypeChecker`, lowered to
/// closures by `ExpressionLowering`.
struct TypedExpression: Sendable {
    indirect enum Kind: Sendable {
        case constant(Value)
        case slot(Int)
        case field(TypedExpression, Int)
        case not(TypedExpression)
        case and(TypedExpression, TypedExpression)
        case or(TypedExpression, TypedExpression)
        case negate(TypedExpression)
        /// `+ - * /`; the result type decides the arithmetic.
        case arithmetic(BinaryOperator, TypedExpression, TypedExpression)
        case comparison(BinaryOperator, TypedExpression, TypedExpression)
        case inList(TypedExpression, TypedExpression, negated: Bool)
        case inRange(TypedExpression, TypedExpression, TypedExpression, halfOpen: Bool, negated: Bool)
        case conditional(TypedExpression, TypedExpression, TypedExpression)
        case list([TypedExpression])
        case builtin(Builtin, [TypedExpression])
        /// A list function: the list, the slot its element is put in, and the per-element body.
        case aggregate(Aggregate, TypedExpression, element: Int, body: TypedExpression?)
        /// An integer used where a decimal is expected.
        case toDecimal(TypedExpression)
    }

    var kind: Kind
    var type: RuleType
    var location: SourceLocation
    /// Characters the expression spans on its first line (for carets).
    var length: Int
    /// Money that may hold fractions of a paisa (a product or quotient not yet rounded).
    var fractionalPaise = false

    var constant: Value? {
        if case .constant(let v) = kind { return v }
        return nil
    }

    func with(_ kind: Kind, type: RuleType? = nil) -> TypedExpression {
        var copy = self
        copy.kind = kind
        if let type { copy.type = type }
        return copy
    }
}
