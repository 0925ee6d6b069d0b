import Identity

/// Whether a viewer sees personal fields in full or masked.
public enum PIIAccess: Sendable, Hashable {
    case full, masked

    /// Full for a holder of `parties.read.pii`, masked for everyone else.
    public static func of(_ permissions: Set<Permission>) -> PIIAccess {
        permissions.contains(.partiesReadPII) ? .full : .masked
    }
}

/// A party as a response shows it to one viewer: every personal field in full or masked, per
/// `PIIAccess`; an anonymised party shows its id, kind and dates only.
public struct PartyView: Sendable, Hashable, Codable {
    public let id: String
    public let kind: String
    public let name: String
    public let pan: String?
    public let aadhaar: String?
    public let dateOfBirth: String?
    public let mobile: String?
    public let email: String?
    public let address: String?
    public let bankAccount: String?
    public let ifsc: String?
    public let gstin: String?
    public let createdOn: String
    public let anonymisedOn: String?
    /// Whether personal fields are masked in this view.
    public let masked: Bool

    public init(_ party: Party, for access: PIIAccess) {
        let full = access == .full
        id = party.id
        kind = party.kind.rawValue
        name = party.name
        pan = party.pan.map { full ? $0.value : Masking.pan($0) }
        aadhaar = party.aadhaar.map(Masking.aadhaar)  // only the last four digits exist
        dateOfBirth = party.dateOfBirth.map { full ? $0.iso : Masking.dateOfBirth($0) }
        mobile = party.mobile.map { full ? $0.digits : Masking.mobile($0) }
        email = party.email.map { full ? $0.value : Masking.email($0) }
        address = party.address.map { full ? Self.written($0) : Masking.address($0) }
        bankAccount = party.bankAccount.map { full ? $0.number.digits : Masking.account($0.number) }
        ifsc = party.bankAccount?.ifsc.value
        gstin = party.gstin?.value  // public: GSTN publishes it
        createdOn = party.createdOn.iso
        anonymisedOn = party.anonymisedOn?.iso
        masked = !full
    }

    static func written(_ a: Address) -> String {
        ([a.line1, a.line2].compactMap { $0 } + [a.city, "\(a.state) \(a.pincode.digits)"]).joined(separator: ", ")
    }
}
