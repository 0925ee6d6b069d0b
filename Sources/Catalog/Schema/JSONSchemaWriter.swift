import Foundation

/// Writes a `SchemaNode` as JSON Schema (draft 2020-12), as editors' YAML support reads it.
public enum JSONSchemaWriter {
    /// The schema document for a file kind, pretty-printed with sorted keys.
    public static func document(_ node: SchemaNode, id: String, title: String) -> String {
        var root = schema(node)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = id
        root["title"] = title
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    static func schema(_ node: SchemaNode) -> [String: Any] {
        switch node {
        case .object(let object):
            var properties: [String: Any] = [:]
            for p in object.properties {
                var s = schema(p.node)
                s["description"] = p.summary
                properties[p.name] = s
            }
            var out: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
            let required = object.properties.filter(\.required).map(\.name)
            if !required.isEmpty { out["required"] = required }
            return out
        case .list(let item): return ["type": "array", "items": schema(item)]
        case .map(let value): return ["type": "object", "additionalProperties": schema(value)]
        case .oneOf(let options): return ["anyOf": options.map(schema)]
        case .scalar(let scalar): return schema(scalar)
        }
    }

    static func schema(_ scalar: ScalarSchema) -> [String: Any] {
        switch scalar {
        case .amount:
            return ["type": ["number", "string"], "pattern": "^[0-9]+(\\.[0-9]{1,2})?$", "examples": [500000, "1250.50"]]
        case .rate: return ["type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)? ?%$", "examples": ["10.5%"]]
        case .integer(let min, let max):
            var out: [String: Any] = ["type": "integer"]
            if let min { out["minimum"] = min }
            if let max { out["maximum"] = max }
            return out
        case .date: return ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .boolean: return ["type": "boolean"]
        case .text: return ["type": "string"]
        case .identifier: return ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"]
        case .words(let words): return ["enum": words]
        case .expression: return ["type": ["string", "number", "boolean"], "description": "an expression of the rule language"]
        case .duration: return ["type": "string", "pattern": "^P(?!$)([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$"]
        case .roundingUnit: return ["anyOf": [["enum": ["paise", "rupee"]], ["type": "integer", "minimum": 2]]]
        case .accountCode:
            return ["anyOf": [["type": "integer", "minimum": 0], ["type": "string", "pattern": "^[0-9]{1,12}$"]],
                    "examples": [1100]]
        }
    }
}
