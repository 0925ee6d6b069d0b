import Foundation
import Rules

extension BodyReader {
    /// An optional object of context values, each a name the workflow declares (and the server does
    /// not set itself) with a value of its declared type; every error names `context.<name>`.
    mutating func context(_ field: String, declarations: Declarations) -> [String: JSONValue] {
        known.insert(field)
        guard let raw = object[field], !(raw is NSNull) else { return [:] }
        guard case .object(let pairs) = JSONValue(parsed: raw) else {
            refuse(field, "must be an object of context values")
            return [:]
        }
        var values: [String: JSONValue] = [:]
        for (name, json) in pairs {
            let path = "\(field).\(name)"
            guard let index = declarations.names.firstIndex(of: name) else {
                refuse(path, "the workflow declares no such context value")
                continue
            }
            guard !CaseDriver.derivedNames.contains(name) else {
                refuse(path, "is set by the server from the loan or the case")
                continue
            }
            switch CaseContext.value(json, declarations.types[index]) {
            case .success: values[name] = json
            case .failure(let unfit): refuse(path, unfit.reason)
            }
        }
        return values
    }
}
