import Foundation
import LoanMath

/// Reads a JSON object strictly: each field by path, its type checked, unknown keys refused, every
/// problem collected rather than the first thrown.
final class InputReader {
    private(set) var problems: [DocumentInputError.Problem] = []

    /// The top-level object of `data`, or nil after recording why it is not one.
    func object(_ data: Data) -> [String: Any]? {
        guard let parsed = try? JSONSerialization.jsonObject(with: data) else {
            refuse("", "is not valid JSON")
            return nil
        }
        guard let object = parsed as? [String: Any] else {
            refuse("", "must be a JSON object")
            return nil
        }
        return object
    }

    func refuse(_ field: String, _ message: String) {
        problems.append(.init(field: field, message: message))
    }

    /// Refuses every key of `object` not in `known`, with a hint at the known ones.
    func onlyKnown(_ object: [String: Any], _ known: [String], at path: String) {
        for key in object.keys.sorted() where !known.contains(key) {
            refuse(join(path, key), "unknown field (known: \(known.joined(separator: ", ")))")
        }
    }

    /// JSON `true`/`false` (an NSNumber of type `c`), not a number.
    static func isBool(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func string(_ object: [String: Any], _ key: String, at path: String, required: Bool = true, maxLength: Int = 500)
        -> String?
    {
        guard let raw = object[key] else {
            if required { refuse(join(path, key), "is required") }
            return nil
        }
        guard let text = raw as? String else {
            refuse(join(path, key), "must be a string")
            return nil
        }
        guard text.count <= maxLength else {
            refuse(join(path, key), "is longer than \(maxLength) characters")
            return nil
        }
        return text
    }

    func date(_ object: [String: Any], _ key: String, at path: String, required: Bool = true) -> LocalDate? {
        guard let text = string(object, key, at: path, required: required, maxLength: 10) else { return nil }
        guard let date = LocalDate(iso: text) else {
            refuse(join(path, key), "must be a date YYYY-MM-DD")
            return nil
        }
        return date
    }

    func bool(_ object: [String: Any], _ key: String, at path: String) -> Bool? {
        guard let raw = object[key] else { return nil }
        guard let number = raw as? NSNumber, Self.isBool(number) else {
            refuse(join(path, key), "must be true or false")
            return nil
        }
        return number.boolValue
    }

    func integer(_ object: [String: Any], _ key: String, at path: String, in range: ClosedRange<Int>) -> Int? {
        guard let raw = object[key] else { return nil }
        guard let number = raw as? NSNumber, !Self.isBool(number),
            let value = Int(exactly: number.doubleValue), range.contains(value)
        else {
            refuse(join(path, key), "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A percentage written as text, `"12.5%"`.
    func rate(_ object: [String: Any], _ key: String, at path: String) -> Rate? {
        guard let text = string(object, key, at: path, maxLength: 16) else { return nil }
        guard let rate = Rate(parsing: text), !rate.isNegative else {
            refuse(join(path, key), "must be a percentage such as \"12.5%\"")
            return nil
        }
        return rate
    }

    func objects(_ object: [String: Any], _ key: String, at path: String, required: Bool = false, limit: Int = 50)
        -> [(path: String, object: [String: Any])]
    {
        guard let raw = object[key] else {
            if required { refuse(join(path, key), "is required") }
            return []
        }
        guard let items = raw as? [Any] else {
            refuse(join(path, key), "must be a list")
            return []
        }
        guard items.count <= limit else {
            refuse(join(path, key), "has more than \(limit) items")
            return []
        }
        var result: [(path: String, object: [String: Any])] = []
        for (index, item) in items.enumerated() {
            let itemPath = join(path, key) + "[\(index)]"
            guard let itemObject = item as? [String: Any] else {
                refuse(itemPath, "must be an object")
                continue
            }
            result.append((itemPath, itemObject))
        }
        return result
    }

    func strings(_ object: [String: Any], _ key: String, at path: String, limit: Int = 50) -> [String] {
        guard let raw = object[key] else { return [] }
        guard let items = raw as? [Any], items.count <= limit else {
            refuse(join(path, key), "must be a list of at most \(limit) strings")
            return []
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item as? String, text.count <= 1_000 else {
                refuse(join(path, key) + "[\(index)]", "must be a string of at most 1000 characters")
                continue
            }
            result.append(text)
        }
        return result
    }

    func nested(_ object: [String: Any], _ key: String, at path: String, required: Bool) -> [String: Any]? {
        guard let raw = object[key] else {
            if required { refuse(join(path, key), "is required") }
            return nil
        }
        guard let nested = raw as? [String: Any] else {
            refuse(join(path, key), "must be an object")
            return nil
        }
        return nested
    }
}

extension Rate {
    var isNegative: Bool { scaledFraction < 0 }
}
