import Foundation
import Hummingbird
import LoanMath

/// Reads a JSON request body strictly: every field has the declared type, required fields are
/// there, and a field the route does not know is refused. All the errors are collected, each naming
/// its field, so one response tells the caller everything that is wrong.
struct BodyReader {
    let object: [String: Any]
    var known: Set<String> = []
    private(set) var errors: [FieldError] = []

    /// The body as a JSON object, or a problem naming `body` when it is not one.
    init(_ body: ByteBuffer) throws(Problem) {
        let data = Data(body.readableBytesView)
        guard !data.isEmpty else { throw Problem.invalid("body", "a JSON object is required") }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data, options: []) } catch {
            throw Problem.invalid("body", "not valid JSON")
        }
        guard let object = parsed as? [String: Any] else { throw Problem.invalid("body", "must be a JSON object") }
        self.object = object
    }

    /// A string field; nil (with an error when `required`) when it is missing or not a string.
    mutating func string(_ field: String, required: Bool = true, maxLength: Int = 128) -> String? {
        known.insert(field)
        guard let value = object[field], !(value is NSNull) else {
            if required { errors.append(FieldError(field, "is required")) }
            return nil
        }
        guard let text = value as? String, !Self.isNumber(value) else {
            errors.append(FieldError(field, "must be a string"))
            return nil
        }
        if text.isEmpty || text.count > maxLength {
            errors.append(FieldError(field, "must be 1 to \(maxLength) characters"))
            return nil
        }
        return text
    }

    /// An amount in rupees as a decimal string with at most two places, e.g. "1234.50"; positive.
    mutating func money(_ field: String, required: Bool = true) -> Money? {
        guard let text = string(field, required: required, maxLength: 24) else { return nil }
        guard let amount = APIText.money(text) else {
            errors.append(FieldError(field, "must be an amount in rupees as a decimal string, e.g. \"1234.50\""))
            return nil
        }
        guard amount.minorUnits > 0 else {
            errors.append(FieldError(field, "must be more than zero"))
            return nil
        }
        return amount
    }

    /// A business date "YYYY-MM-DD".
    mutating func date(_ field: String, required: Bool = true) -> LocalDate? {
        guard let text = string(field, required: required, maxLength: 10) else { return nil }
        guard let date = APIText.date(text) else {
            errors.append(
                FieldError(
                    field, "must be a date YYYY-MM-DD from \(APIText.years.lowerBound) to \(APIText.years.upperBound)"))
            return nil
        }
        return date
    }

    /// An integer in `range`.
    mutating func integer(_ field: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        known.insert(field)
        guard let value = object[field], !(value is NSNull) else {
            if required { errors.append(FieldError(field, "is required")) }
            return nil
        }
        guard Self.isNumber(value), let number = value as? NSNumber, let whole = Self.whole(number) else {
            errors.append(FieldError(field, "must be a whole number"))
            return nil
        }
        guard range.contains(whole) else {
            errors.append(FieldError(field, "must be \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return whole
    }

    /// Adds an error found by the route itself.
    mutating func refuse(_ field: String, _ detail: String) { errors.append(FieldError(field, detail)) }

    /// Throws the collected errors, with one for each field the route does not know.
    func finish() throws(Problem) {
        let unknown = object.keys.filter { !known.contains($0) }.sorted()
        let all = errors + unknown.map { FieldError($0, "unknown field") }
        if !all.isEmpty { throw Problem.invalid(all) }
    }

    /// Whether a parsed JSON value is a number (not a string, not `true` or `false`).
    private static func isNumber(_ value: Any) -> Bool {
        guard let number = value as? NSNumber, !(value is String) else { return false }
        // `is Bool` will not do: Foundation bridges the number 0.0 to `false`.
        return ObjectIdentifier(type(of: number)) != booleanType
    }

    private static let booleanType = ObjectIdentifier(type(of: NSNumber(value: true)))

    /// The number as an `Int` when it is whole: `148` and, as JSON Schema's `integer` allows,
    /// `148.0`; never `1.5`, a value beyond `Int`, or one that lost digits on the way to a double.
    private static func whole(_ number: NSNumber) -> Int? {
        switch String(cString: number.objCType) {
        case "d", "f": return Int(exactly: number.doubleValue)
        default: return number.stringValue == String(number.int64Value) ? Int(number.int64Value) : nil
        }
    }
}
