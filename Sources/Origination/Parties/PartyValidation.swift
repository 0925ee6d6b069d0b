import LoanMath

/// Checks a party's input field by field and across fields, reporting every problem at once.
public enum PartyValidation {
    /// Longest name, address line, city or state accepted.
    public static let maxTextLength = 200

    /// The validated details of `input` as of business date `today`, or every problem with it.
    public static func validate(_ input: PartyInput, on today: LocalDate) -> Result<PartyDetails, PartyValidationError> {
        var problems: [FieldError] = []
        func check<T>(_ result: Result<T, FieldError>?) -> T? {
            switch result {
            case .success(let value)?: return value
            case .failure(let problem)?:
                problems.append(problem)
                return nil
            case nil: return nil
            }
        }
        let name = check(text(input.name, field: "name"))
        let pan = check(input.pan.map { PAN.parse($0) })
        let aadhaar = check(input.aadhaar.map { AadhaarNumber.parse($0) })
        let mobile = check(input.mobile.map { MobileNumber.parse($0) })
        let email = check(input.email.map { EmailAddress.parse($0) })
        let gstin = check(input.gstin.map { GSTIN.parse($0) })
        let address = input.address.flatMap { a -> Address? in
            let line1 = check(text(a.line1, field: "address.line1"))
            let line2 = check(a.line2.map { text($0, field: "address.line2") })
            let city = check(text(a.city, field: "address.city"))
            let state = check(text(a.state, field: "address.state"))
            let pincode = check(Pincode.parse(a.pincode, field: "address.pincode"))
            guard let line1, let city, let state, let pincode else { return nil }
            return Address(line1: line1, line2: line2, city: city, state: state, pincode: pincode)
        }
        let account = input.bankAccount.flatMap { b -> BankAccount? in
            let number = check(BankAccountNumber.parse(b.number, field: "bank_account.number"))
            let ifsc = check(IFSC.parse(b.ifsc, field: "bank_account.ifsc"))
            let holder = check(b.holderName.map { text($0, field: "bank_account.holder_name") })
            guard let number, let ifsc else { return nil }
            return BankAccount(number: number, ifsc: ifsc, holderName: holder)
        }
        problems += crossChecks(input, pan: pan, gstin: gstin, today: today)
        guard problems.isEmpty, let name else {
            return .failure(PartyValidationError(problems: problems))
        }
        return .success(PartyDetails(kind: input.kind, name: name, pan: pan, aadhaar: aadhaar,
                                     dateOfBirth: input.dateOfBirth, mobile: mobile, email: email, address: address,
                                     bankAccount: account, gstin: gstin))
    }

    /// Rules between fields: who may have an Aadhaar number or a date of birth, whose PAN a GSTIN embeds.
    static func crossChecks(_ input: PartyInput, pan: PAN?, gstin: GSTIN?, today: LocalDate) -> [FieldError] {
        var problems: [FieldError] = []
        switch input.kind {
        case .individual:
            if let pan, pan.holderType != .individual {
                let found = pan.holderType.rawValue
                problems.append(FieldError(field: "pan", "an individual's PAN has `P` as its 4th character, found `\(found)`"))
            }
        case .business:
            if input.aadhaar != nil {
                problems.append(FieldError(field: "aadhaar", "only an individual has an Aadhaar number; give the business's PAN"))
            }
            if input.dateOfBirth != nil {
                problems.append(FieldError(field: "date_of_birth", "only an individual has a date of birth"))
            }
        }
        if let birth = input.dateOfBirth, birth > today {
            problems.append(FieldError(field: "date_of_birth", "is after the business date"))
        }
        if let pan, let gstin, gstin.pan != pan {
            problems.append(FieldError(field: "gstin", "characters 3 to 12 of the GSTIN must be the party's PAN, and are not"))
        }
        return problems
    }

    /// Free text: trimmed, not empty, at most `maxTextLength` characters, no control characters.
    static func text(_ value: String, field: String) -> Result<String, FieldError> {
        let trimmed = FieldText.trimmed(value)
        guard !trimmed.isEmpty else { return .failure(FieldError(field: field, "is empty")) }
        guard trimmed.count <= maxTextLength else {
            return .failure(FieldError(field: field, "has at most \(maxTextLength) characters, found \(trimmed.count)"))
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure(FieldError(field: field, "may not hold control characters (line breaks, tabs)"))
        }
        return .success(trimmed)
    }
}
