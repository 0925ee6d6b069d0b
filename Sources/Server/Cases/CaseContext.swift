import LoanMath
import Rules

/// Context values of a case between JSON (requests, storage) and the rules language's values, by
/// the workflow's declared types: bool, integer, money ("1234.50"), rate ("10.5%"), date, string and
/// enum values as strings. Lists and records are not taken from requests.
enum CaseContext {
    /// Why a JSON value does not fit a declared type.
    struct Unfit: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The value `json` holds for `type`, or nil with why not.
    static func value(_ json: JSONValue, _ type: RuleType) -> Result<Value, Unfit> {
        switch (type, json) {
        case (.bool, .bool(let flag)): return .success(.bool(flag))
        case (.integer, .int(let number)): return .success(.integer(Int64(number)))
        case (.money, .string(let text)):
            guard let amount = APIText.money(text) else { return .failure(Unfit("must be rupees as a decimal string, e.g. \"1234.50\"")) }
            return .success(Value(amount))
        case (.rate, .string(let text)):
            guard let rate = Rate(parsing: text) else { return .failure(Unfit("must be a rate such as \"10.5%\"")) }
            return .success(Value(rate))
        case (.decimal, .string(let text)):
            guard let number = ExactDecimal(parsing: text) else { return .failure(Unfit("must be a decimal string")) }
            return .success(.decimal(number))
        case (.date, .string(let text)):
            guard let date = APIText.date(text) else { return .failure(Unfit("must be a date YYYY-MM-DD")) }
            return .success(.date(date))
        case (.string, .string(let text)): return .success(.string(text))
        case (.enumeration(let e), .string(let text)):
            guard e.values.contains(text) else { return .failure(Unfit("must be one of " + e.values.joined(separator: ", "))) }
            return .success(.string(text))
        default: return .failure(Unfit("must be \(describe(type))"))
        }
    }

    /// The JSON form of `value` (the inverse of `value(_:_:)`).
    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .int(Int(number))
        case .money: return .string(value.moneyValue?.decimalString ?? "0.00")
        case .rate: return .string(value.rateValue?.percentString ?? "0%")
        case .decimal(let number): return .string(number.description)
        case .date(let date): return .string(date.iso)
        case .string(let text): return .string(text)
        case .list, .record: return .null
        }
    }

    /// The stored values as the workflow's guards read them; values that no longer fit are left out.
    static func values(_ stored: [String: JSONValue], _ declarations: Declarations) -> [String: Value] {
        var values: [String: Value] = [:]
        for (name, type) in zip(declarations.names, declarations.types) {
            if let json = stored[name], case .success(let value) = value(json, type) { values[name] = value }
        }
        return values
    }

    static func describe(_ type: RuleType) -> String {
        switch type {
        case .bool: return "true or false"
        case .integer: return "a whole number"
        case .enumeration(let e): return "one of " + e.values.joined(separator: ", ")
        default: return "a string (\(type))"
        }
    }
}

extension JSONValue {
    /// The pairs of a JSON object's text, keys sorted; empty when it is not an object.
    static func parseObject(_ text: String) -> [(String, JSONValue)] {
        if case .object(let pairs) = JSONValue(jsonText: text) { return pairs }
        return []
    }
}
