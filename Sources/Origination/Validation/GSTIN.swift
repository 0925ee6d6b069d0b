/// A GST identification number: 15 characters — the state code (2 digits), the holder's PAN
/// (characters 3–12), the entity number within the state (13: 1–9 then A–Z), `Z` (14, reserved) and a
/// check character (15) computed from the first 14 by GSTN's mod-36 algorithm.
public struct GSTIN: Sendable, Hashable {
    /// The fifteen characters, upper case.
    public let value: String

    /// The PAN embedded at characters 3–12.
    public var pan: PAN { PAN(value: String(Array(value)[2..<12])) }
    /// The state or territory code (01–38, 97 other territory, 99 centre jurisdiction).
    public var stateCode: Int { Int(String(value.prefix(2)))! }

    /// Codes GST uses: states and union territories 01–38 (38 Ladakh), 97 other territory,
    /// 99 centre jurisdiction.
    public static let stateCodes: Set<Int> = Set(1...38).union([97, 99])

    /// The GSTIN in `text` (spaces around it and lower case accepted), or what is wrong with it.
    public static func parse(_ text: String, field: String = "gstin") -> Result<GSTIN, FieldError> {
        let chars = Array(FieldText.trimmed(text).uppercased())
        guard chars.count == 15 else {
            return .failure(FieldError(field: field, "a GSTIN has 15 characters, found \(chars.count)"))
        }
        if let bad = chars.firstIndex(where: { !FieldText.isAlphanumeric($0) }) {
            return .failure(FieldError(field: field, "the \(FieldText.ordinal(bad + 1)) character of a GSTIN must be a letter or a digit, found \(FieldText.shown(chars[bad]))"))
        }
        guard chars[0...1].allSatisfy(FieldText.isDigit), let state = Int(String(chars[0...1])) else {
            return .failure(FieldError(field: field, "a GSTIN starts with a 2-digit state code"))
        }
        guard stateCodes.contains(state) else {
            return .failure(FieldError(field: field, "the state code of a GSTIN is 01 to 38, 97 or 99, found \(String(chars[0...1]))"))
        }
        if case .failure(let problem) = PAN.parse(String(chars[2..<12]), field: field) {
            return .failure(FieldError(field: field, "characters 3 to 12 of a GSTIN are the holder's PAN: " + problem.problem))
        }
        guard chars[12] != "0" else {
            return .failure(FieldError(field: field, "the 13th character of a GSTIN is the entity number (1–9, then A–Z), found `0`"))
        }
        guard chars[13] == "Z" else {
            return .failure(FieldError(field: field, "the 14th character of a GSTIN is `Z`, found \(FieldText.shown(chars[13]))"))
        }
        guard let check = GSTINCheck.character(for: String(chars[0..<14])), check == chars[14] else {
            return .failure(FieldError(field: field, "the 15th character of a GSTIN does not match the check character of the first 14; the number is mistyped"))
        }
        return .success(GSTIN(value: String(chars)))
    }
}

/// GSTN's check character: over the alphabet 0–9A–Z (values 0–35), each of the first 14 characters'
/// value times a factor alternating 1, 2, 1, … from the left; each product adds its quotient and
/// remainder by 36 to a sum; the check is (36 − sum mod 36) mod 36.
public enum GSTINCheck {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// The check character of the 14 characters `body`; nil when a character is outside 0–9A–Z.
    public static func character(for body: String) -> Character? {
        var sum = 0
        for (index, c) in body.enumerated() {
            guard let value = alphabet.firstIndex(of: c) else { return nil }
            let product = value * (index % 2 == 0 ? 1 : 2)
            sum += product / 36 + product % 36
        }
        return alphabet[(36 - sum % 36) % 36]
    }
}
