import LoanMath

/// How personal fields are shown to someone who may not see them: enough to recognise, not to use.
public enum Masking {
    /// `ABCPE1234F` → `XXXXX1234F`: the serial digits and the last letter.
    public static func pan(_ pan: PAN) -> String { "XXXXX" + String(pan.value.suffix(5)) }

    /// `9876543210` → `XXXXXX3210`.
    public static func mobile(_ mobile: MobileNumber) -> String { "XXXXXX" + String(mobile.digits.suffix(4)) }

    /// `XXXX XXXX 1234`, as UIDAI masks an Aadhaar number.
    public static func aadhaar(_ reference: AadhaarReference) -> String { "XXXX XXXX " + reference.lastFour }

    /// `123456781234` → `XXXXXXXX1234`: the last four digits, the length kept.
    public static func account(_ number: BankAccountNumber) -> String {
        String(repeating: "X", count: number.digits.count - 4) + String(number.digits.suffix(4))
    }

    /// `ravi.kumar@example.in` → `r***@example.in`.
    public static func email(_ email: EmailAddress) -> String {
        let parts = email.value.split(separator: "@", maxSplits: 1)
        return String(parts[0].prefix(1)) + "***@" + String(parts[1])
    }

    /// The year only: `1988-XX-XX`.
    public static func dateOfBirth(_ date: LocalDate) -> String { "\(date.year)-XX-XX" }

    /// The state and pincode only.
    public static func address(_ address: Address) -> String { "XXXX, \(address.state) \(address.pincode.digits)" }
}

extension PAN: CustomStringConvertible {
    /// Masked, so that a PAN interpolated into a log or message is not disclosed.
    public var description: String { Masking.pan(self) }
}

extension MobileNumber: CustomStringConvertible {
    public var description: String { Masking.mobile(self) }
}

extension BankAccountNumber: CustomStringConvertible {
    public var description: String { Masking.account(self) }
}

extension EmailAddress: CustomStringConvertible {
    public var description: String { Masking.email(self) }
}
