/// JSON Schema fragments for the OpenAPI document.
enum Schemas {
    static let string: JSONValue = .object([("type", .string("string"))])
    static let integer: JSONValue = .object([("type", .string("integer"))])
    static let anyObject: JSONValue = .object([("type", .string("object"))])
    /// An amount in a response: exact rupees with two places; a balance or a net total may be negative.
    static let money: JSONValue = .object([
        ("type", .string("string")), ("pattern", .string(#"^-?[0-9]+\.[0-9]{2}$"#)),
        ("description", .string("rupees, exact, e.g. \"1234.50\"")),
    ])
    /// An amount a request carries: more than zero, at most two decimal places.
    static let positiveMoney: JSONValue = .object([
        ("type", .string("string")),
        ("pattern", .string(#"^([1-9][0-9]{0,14}(\.[0-9]{1,2})?|0\.([1-9][0-9]?|0[1-9]))$"#)),
        ("description", .string("rupees, exact, more than zero, e.g. \"1234.50\"")),
    ])
    /// A business date from 1900 to 2199 (`APIText.years`).
    static let date: JSONValue = .object([
        ("type", .string("string")), ("format", .string("date")),
        ("pattern", .string(#"^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"#)),
    ])

    /// An annual rate in percent, e.g. "12%" or "10.25%".
    static let rate: JSONValue = .object([
        ("type", .string("string")), ("pattern", .string(#"^[0-9]{1,2}(\.[0-9]{1,4})?%$"#)),
        ("examples", .array([.string("12%")])),
    ])

    static func string(maxLength: Int) -> JSONValue {
        .object([("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(maxLength))])
    }

    static func integer(_ range: ClosedRange<Int>) -> JSONValue {
        .object([
            ("type", .string("integer")), ("minimum", .int(range.lowerBound)), ("maximum", .int(range.upperBound)),
        ])
    }

    static func enumeration(_ values: [String]) -> JSONValue {
        .object([("type", .string("string")), ("enum", .array(values.map(JSONValue.string)))])
    }

    /// A closed object: the listed properties, `required` ones, nothing else.
    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([
            ("type", .string("object")), ("properties", .object(properties)),
            ("required", .array(required.map(JSONValue.string))), ("additionalProperties", .bool(false)),
        ])
    }

    static func array(_ items: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", items)]) }
}
