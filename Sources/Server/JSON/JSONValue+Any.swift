import Foundation

extension JSONValue {
    /// A value parsed by `JSONSerialization`, keys sorted; a non-integer number becomes its text.
    init(parsed value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let number as NSNumber:
            // A JSON boolean is a CFBoolean (`__NSCFBoolean` on Linux and Darwin), whose stringValue is "1" or "0".
            if String(describing: type(of: number)) == "__NSCFBoolean" {
                self = .bool(number.boolValue)
            } else if let whole = Int(exactly: number.doubleValue), number.stringValue == String(whole) {
                self = .int(whole)
            } else if number.stringValue == "true" || number.stringValue == "false" {
                self = .bool(number.boolValue)
            } else {
                self = .string(number.stringValue)
            }
        case let items as [Any]: self = .array(items.map(JSONValue.init(parsed:)))
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { ($0, JSONValue(parsed: object[$0]!)) })
        default: self = .null
        }
    }

    /// JSON text parsed into a value; `null` when it is not JSON.
    init(jsonText: String) {
        let parsed = try? JSONSerialization.jsonObject(with: Data(jsonText.utf8), options: [.fragmentsAllowed])
        self = parsed.map(JSONValue.init(parsed:)) ?? .null
    }
}
