import LoanMath
@testable import Origination

/// Parties the tests share: every field filled, the values made up (valid in form).
enum Parties {
    static let today = date("2026-03-02")

    static var ravi: PartyInput {
        PartyInput(kind: .individual, name: "Ravi Kumar", pan: "ABCPE1234F", aadhaar: "2341 2341 2346",
                   dateOfBirth: date("1988-07-14"), mobile: "+91 98765 43210", email: "ravi.kumar@example.in",
                   address: AddressInput(line1: "12 MG Road", city: "Pune", state: "Maharashtra", pincode: "411001"),
                   bankAccount: BankAccountInput(number: "123456781234", ifsc: "SBIN0001234"))
    }

    static var firm: PartyInput {
        PartyInput(kind: .business, name: "Umang Traders", pan: "AAPFU0939F", mobile: "9123456780",
                   address: AddressInput(line1: "Plot 4, MIDC", city: "Mumbai", state: "Maharashtra", pincode: "400093"),
                   gstin: "27AAPFU0939F1ZV")
    }

    static func details(_ input: PartyInput) -> PartyDetails {
        switch PartyValidation.validate(input, on: today) {
        case .success(let details): return details
        case .failure(let error): fatalError("test party does not validate: \(error)")
        }
    }
}
