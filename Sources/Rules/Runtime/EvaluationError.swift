import LoanMath

/// Why an evaluation stopped: a value, with the spot in the policy that failed. Messages name
/// inputs, rules and rows, never a borrower's values.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case overflow
        case divisionByZero
        /// A date before year 1 or after 9999.
        case dateOutOfRange
        /// A unique-hit table matched two rows.
        case overlappingRows(table: String, first: String, second: String)
        /// An input was not given.
        case missingInput(String)
        /// An input's value does not have its declared type.
        case invalidInput(String)
        /// A list input is longer than the limit.
        case limitExceeded
        /// `clamp(x, low, high)` with low above high.
        case invalidArgument
        /// A value had an unexpected type inside the engine: a defect, reported rather than trapped.
        case internalInconsistency
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation?, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `file:line:col: message`.
    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }

    static func arithmetic(_ error: ArithmeticError, at location: SourceLocation) -> EvaluationError {
        switch error {
        case .overflow: return EvaluationError(.overflow, at: location, "arithmetic overflow")
        case .divisionByZero: return EvaluationError(.divisionByZero, at: location, "division by zero")
        }
    }

    static func internalError(at location: SourceLocation) -> EvaluationError {
        EvaluationError(.internalInconsistency, at: location, "internal error: value of an unexpected type")
    }

    static func dateRange(at location: SourceLocation) -> EvaluationError {
        EvaluationError(.dateOutOfRange, at: location, "date outside the years 1 to 9999")
    }
}
