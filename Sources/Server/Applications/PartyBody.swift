import Foundation
import LoanMath
import Origination

/// A party object of a request body (`applicant`, `co_applicants[0]`…) read strictly: known fields
/// only, each of the right type, then validated by origination's party rules; every error names its
/// path, e.g. `applicant.pan`, and never quotes the value.
struct PartyBody {
    static let fields: Set<String> = [
        "kind", "name", "pan", "aadhaar", "date_of_birth", "mobile", "email", "bank_account", "address", "gstin",
    ]

    /// The validated party at `path`, or nil with errors added.
    static func read(_ raw: Any?, path: String, on date: LocalDate, into errors: inout [FieldError]) -> PartyDetails? {
        guard let object = raw as? [String: Any] else {
            errors.append(FieldError(path, "must be an object with the party's name, PAN and details"))
            return nil
        }
        var found: [FieldError] = []
        for key in object.keys.sorted() where !fields.contains(key) { found.append(FieldError("\(path).\(key)", "unknown field")) }
        func text(_ key: String, in source: [String: Any] = object, prefix: String = "") -> String? {
            guard let value = source[key], !(value is NSNull) else { return nil }
            guard let string = value as? String else {
                found.append(FieldError("\(path).\(prefix)\(key)", "must be a string"))
                return nil
            }
            return string
        }
        let kindText = text("kind") ?? "individual"
        let kind = PartyKind(rawValue: kindText)
        if kind == nil { found.append(FieldError("\(path).kind", "must be individual or business")) }
        let name = text("name")
        if name == nil { found.append(FieldError("\(path).name", "is required")) }
        let birth = text("date_of_birth")
        let born = birth.flatMap(APIText.date)
        if birth != nil, born == nil { found.append(FieldError("\(path).date_of_birth", "must be a date YYYY-MM-DD")) }
        var account: BankAccountInput?
        if let raw = object["bank_account"] as? [String: Any] {
            if let number = text("number", in: raw, prefix: "bank_account."), let ifsc = text("ifsc", in: raw, prefix: "bank_account.") {
                account = BankAccountInput(number: number, ifsc: ifsc, holderName: text("holder_name", in: raw, prefix: "bank_account."))
            } else {
                found.append(FieldError("\(path).bank_account", "needs number and ifsc"))
            }
        }
        var address: AddressInput?
        if let raw = object["address"] as? [String: Any] {
            let p = "address."
            if let line1 = text("line1", in: raw, prefix: p), let city = text("city", in: raw, prefix: p),
               let state = text("state", in: raw, prefix: p), let pincode = text("pincode", in: raw, prefix: p) {
                address = AddressInput(line1: line1, line2: text("line2", in: raw, prefix: p), city: city, state: state,
                                       pincode: pincode)
            } else {
                found.append(FieldError("\(path).address", "needs line1, city, state and pincode"))
            }
        }
        let input = PartyInput(
            kind: kind ?? .individual, name: name ?? "", pan: text("pan"), aadhaar: text("aadhaar"), dateOfBirth: born,
            mobile: text("mobile"), email: text("email"), address: address, bankAccount: account, gstin: text("gstin"))
        guard found.isEmpty else {
            errors += found
            return nil
        }
        switch PartyValidation.validate(input, on: date) {
        case .success(let details): return details
        case .failure(let invalid):
            errors += invalid.problems.map { FieldError("\(path).\($0.field)", $0.problem) }
            return nil
        }
    }
}
