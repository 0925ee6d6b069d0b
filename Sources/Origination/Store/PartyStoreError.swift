import LoanMath

/// Why the party store refused a request; nothing was written. Descriptions carry ids, never
/// personal data.
public enum PartyStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownParty(String)
    case partyExists(String)
    /// Another party already has this PAN (found through the blind index).
    case duplicatePAN(existingParty: String)
    case anonymised(String, on: LocalDate)
    case invalidID(String)
    /// A stored field would not open (altered, or sealed under another key).
    case unreadable(PIIError)
    /// The database failed; the message is the driver's.
    case database(String)

    public var description: String {
        switch self {
        case .unknownParty(let id): "there is no party \(id)"
        case .partyExists(let id): "party \(id) already exists"
        case .duplicatePAN(let existing): "party \(existing) already has this PAN"
        case .anonymised(let id, let date): "party \(id) was anonymised on \(date.iso); its personal data is gone"
        case .invalidID(let problem): "invalid id: \(problem)"
        case .unreadable(let error): error.description
        case .database(let message): "database: \(message)"
        }
    }
}

/// Why a party's personal data is erased.
public enum AnonymisationReason: String, CaseIterable, Sendable, Hashable, Codable {
    /// The person asked for erasure (Digital Personal Data Protection Act, 2023).
    case erasureRequest = "erasure-request"
    /// The lender's retention period after the relationship ended has passed.
    case retentionExpired = "retention-expired"
}

/// The record kept of an anonymisation: which party, when, why, at whose request.
public struct AnonymisationRecord: Sendable, Hashable {
    public let partyID: String
    public let anonymisedOn: LocalDate
    public let reason: AnonymisationReason
    /// The staff member or process that carried it out.
    public let requestedBy: String
}

/// A party's part in one loan.
public struct PartyLoanLink: Sendable, Hashable {
    public let loanID: String
    public let partyID: String
    public let role: PartyRole
    public let linkedOn: LocalDate
}
