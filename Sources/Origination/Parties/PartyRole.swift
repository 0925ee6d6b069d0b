/// Whether a party is a person or a business (company, firm, trust, HUF…).
public enum PartyKind: String, CaseIterable, Sendable, Hashable, Codable {
    case individual, business
}

/// The part a party plays on an application or loan.
public enum PartyRole: String, CaseIterable, Sendable, Hashable, Codable {
    /// The borrower who applies.
    case applicant
    /// A joint borrower, equally liable.
    case coApplicant = "co-applicant"
    /// Pays if the borrowers do not.
    case guarantor
}
