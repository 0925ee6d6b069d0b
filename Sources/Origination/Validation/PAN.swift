/// A Permanent Account Number (income tax): five letters, four digits, one letter, e.g. `ABCPE1234F`.
/// The 4th letter says who holds it (`P` an individual, `C` a company…); the 5th is the initial of
/// the holder's (sur)name; the digits are a serial from 0001 to 9999.
public struct PAN: Sendable, Hashable {
    /// The ten characters, upper case.
    public let value: String

    /// Who holds a PAN, by its 4th character.
    public enum HolderType: Character, Sendable, CaseIterable {
        case individual = "P", company = "C", hinduUndividedFamily = "H", firm = "F"
        case associationOfPersons = "A", trust = "T", bodyOfIndividuals = "B", localAuthority = "L"
        case artificialJuridicalPerson = "J", government = "G"
    }

    public var holderType: HolderType { HolderType(rawValue: Array(value)[3])! }

    /// The PAN in `text` (spaces around it and lower case are accepted), or what is wrong with it.
    public static func parse(_ text: String, field: String = "pan") -> Result<PAN, FieldError> {
        let chars = Array(FieldText.trimmed(text).uppercased())
        guard chars.count == 10 else {
            return .failure(FieldError(field: field, "a PAN has 10 characters (5 letters, 4 digits, 1 letter), found \(chars.count)"))
        }
        for (index, c) in chars.enumerated() {
            let position = index + 1
            switch position {
            case 1...5, 10:
                guard FieldText.isLetter(c) else {
                    return .failure(FieldError(field: field, "the \(FieldText.ordinal(position)) character of a PAN must be a letter, found \(FieldText.shown(c))"))
                }
            default:
                guard FieldText.isDigit(c) else {
                    return .failure(FieldError(field: field, "the \(FieldText.ordinal(position)) character of a PAN must be a digit, found \(FieldText.shown(c))"))
                }
            }
        }
        guard HolderType(rawValue: chars[3]) != nil else {
            let allowed = HolderType.allCases.map { String($0.rawValue) }.joined(separator: ", ")
            return .failure(FieldError(field: field, "the 4th character of a PAN is the holder type (one of \(allowed)), found \(FieldText.shown(chars[3]))"))
        }
        guard String(chars[5...8]) != "0000" else {
            return .failure(FieldError(field: field, "the serial number of a PAN (characters 6 to 9) runs from 0001 to 9999, found 0000"))
        }
        return .success(PAN(value: String(chars)))
    }
}
