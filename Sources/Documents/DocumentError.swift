import Rules

/// Why a document could not be rendered. Messages name templates, fields and template places,
/// never the borrower's values.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No template of that name.
        case unknownTemplate
        /// The data lacks fields the model declares, or a field has the wrong type.
        case invalidData
        /// An expression could not be evaluated (overflow, division by zero…).
        case evaluation
        /// The PDF renderer is not installed where it was looked for.
        case rendererUnavailable
        /// The PDF renderer failed, gave no PDF, or did not finish in time.
        case rendererFailed
    }

    public var kind: Kind
    /// The place in the template, when one is involved.
    public var location: SourceLocation?
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation? = nil, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
