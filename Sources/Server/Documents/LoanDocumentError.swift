import Documents
import Servicing

/// Why a document of a booked loan could not be issued. Messages name loans and fields, never
/// borrower data.
public enum LoanDocumentError: Error, Sendable, CustomStringConvertible {
    case loanNotFound(String)
    /// The document does not apply to the loan as it stands (an NOC of an open loan).
    case notApplicable(String)
    /// The loan's terms cannot be rebuilt from its product and booking (restructured, or its
    /// product or catalog version is gone).
    case termsNotDerivable(String)
    case servicing(ServicingError)
    case document(DocumentError)

    public var description: String {
        switch self {
        case .loanNotFound(let id): return "no loan \(id)"
        case .notApplicable(let why), .termsNotDerivable(let why): return why
        case .servicing(let error): return "\(error)"
        case .document(let error): return error.description
        }
    }
}
