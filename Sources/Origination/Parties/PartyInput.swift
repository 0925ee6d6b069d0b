import LoanMath

/// A party as a caller writes it (an API body, a form): text fields, checked by `PartyValidation`.
/// The Aadhaar number lives here only until the store turns it into a vault reference.
public struct PartyInput: Sendable {
    public var kind: PartyKind
    public var name: String
    public var pan: String?
    public var aadhaar: String?
    public var dateOfBirth: LocalDate?
    public var mobile: String?
    public var email: String?
    public var address: AddressInput?
    public var bankAccount: BankAccountInput?
    public var gstin: String?

    public init(kind: PartyKind, name: String, pan: String? = nil, aadhaar: String? = nil, dateOfBirth: LocalDate? = nil,
                mobile: String? = nil, email: String? = nil, address: AddressInput? = nil,
                bankAccount: BankAccountInput? = nil, gstin: String? = nil) {
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
    }
}

/// An address as written.
public struct AddressInput: Sendable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var state: String
    public var pincode: String

    public init(line1: String, line2: String? = nil, city: String, state: String, pincode: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.pincode = pincode
    }
}

/// A bank account as written.
public struct BankAccountInput: Sendable {
    public var number: String
    public var ifsc: String
    public var holderName: String?

    public init(number: String, ifsc: String, holderName: String? = nil) {
        self.number = number
        self.ifsc = ifsc
        self.holderName = holderName
    }
}

extension PartyInput: CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind only: input printed into a log carries no personal data.
    public var description: String { "party input (\(kind.rawValue))" }
    public var debugDescription: String { description }
}
