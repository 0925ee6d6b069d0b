/// A postal address in India.
public struct Address: Sendable, Hashable, Codable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var state: String
    public var pincode: Pincode

    public init(line1: String, line2: String? = nil, city: String, state: String, pincode: Pincode) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.pincode = pincode
    }
}

/// A bank account money is paid into and collected from.
public struct BankAccount: Sendable, Hashable, Codable {
    public var number: BankAccountNumber
    public var ifsc: IFSC
    /// The holder's name as the bank has it, when known (a penny drop returns it).
    public var holderName: String?

    public init(number: BankAccountNumber, ifsc: IFSC, holderName: String? = nil) {
        self.number = number
        self.ifsc = ifsc
        self.holderName = holderName
    }
}

/// Where an Aadhaar number is kept instead of the number: a vault reference token and the last four
/// digits (the only digits that may be stored or shown).
public struct AadhaarReference: Sendable, Hashable, Codable {
    /// The vault's reference for the number (`aadhaar-ref:` and 32 hex characters).
    public let token: String
    public let lastFour: String

    public init(token: String, lastFour: String) {
        self.token = token
        self.lastFour = lastFour
    }
}

extension Pincode: Codable {
    public init(from decoder: any Decoder) throws { digits = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}

extension BankAccountNumber: Codable {
    public init(from decoder: any Decoder) throws { digits = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}

extension IFSC: Codable {
    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
