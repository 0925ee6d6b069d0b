import LoanMath

/// A borrower, co-borrower or guarantor: a person or a business, as origination knows it after
/// validation. Its id never changes and is what loans reference; its personal fields are sealed at
/// rest, shown masked unless the viewer may see them, and erased when the party is anonymised.
public struct Party: Sendable, Hashable {
    public let id: String
    public var kind: PartyKind
    /// The person's full name or the business's legal name; `Party.anonymisedName` once anonymised.
    public var name: String
    public var pan: PAN?
    /// For individuals: the Aadhaar vault reference and last four digits, never the number.
    public var aadhaar: AadhaarReference?
    public var dateOfBirth: LocalDate?
    public var mobile: MobileNumber?
    public var email: EmailAddress?
    public var address: Address?
    public var bankAccount: BankAccount?
    public var gstin: GSTIN?
    /// The business date the party was created on.
    public let createdOn: LocalDate
    /// The business date its personal data was erased, if it was.
    public var anonymisedOn: LocalDate?

    /// The name shown for an anonymised party.
    public static let anonymisedName = "(anonymised)"

    public init(id: String, kind: PartyKind, name: String, pan: PAN? = nil, aadhaar: AadhaarReference? = nil,
                dateOfBirth: LocalDate? = nil, mobile: MobileNumber? = nil, email: EmailAddress? = nil,
                address: Address? = nil, bankAccount: BankAccount? = nil, gstin: GSTIN? = nil, createdOn: LocalDate,
                anonymisedOn: LocalDate? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.pan = pan
        self.aadhaar = aadhaar
        self.dateOfBirth = dateOfBirth
        self.mobile = mobile
        self.email = email
        self.address = address
        self.bankAccount = bankAccount
        self.gstin = gstin
        self.createdOn = createdOn
        self.anonymisedOn = anonymisedOn
    }

    public var isAnonymised: Bool { anonymisedOn != nil }
}

extension Party: CustomStringConvertible, CustomDebugStringConvertible {
    /// The id and kind only: a party printed into a log or an error carries no personal data.
    public var description: String { "party \(id) (\(kind.rawValue))" }
    public var debugDescription: String { description }
}
