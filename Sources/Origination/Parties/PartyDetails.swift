import LoanMath

/// A party's fields after validation, normalised (upper-case PAN, ten-digit mobile…), not yet stored.
/// Holds the full Aadhaar number, which the store replaces by a vault reference.
public struct PartyDetails: Sendable, Hashable {
    public var kind: PartyKind
    public var name: String
    public var pan: PAN?
    public var aadhaar: AadhaarNumber?
    public var dateOfBirth: LocalDate?
    public var mobile: MobileNumber?
    public var email: EmailAddress?
    public var address: Address?
    public var bankAccount: BankAccount?
    public var gstin: GSTIN?
}

/// Every problem found in a party's input, at once; nothing was stored.
public struct PartyValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [FieldError]

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
