import Catalog

/// Products as JSON for the API.
enum ProductJSON {
    /// Id, name, category, rate type and limits.
    static func summary(_ product: ProductDefinition) -> JSONValue {
        let limits = product.limits
        return .object([
            ("id", .string(product.id)), ("name", .string(product.name)),
            ("category", .string(product.category.rawValue)), ("secured", .bool(product.secured)),
            ("rate_type", .string(product.rateType.rawValue)),
            ("limits", .object([
                ("principal", .object([("min", .string(limits.principal.min.value.decimalString)),
                                       ("max", .string(limits.principal.max.value.decimalString))])),
                ("tenure", .object([("min", .int(limits.tenure.min.value)), ("max", .int(limits.tenure.max.value))])),
                ("rate", .object([("min", .string(limits.rate.min.value.percentString)),
                                  ("max", .string(limits.rate.max.value.percentString))])),
            ])),
        ])
    }
}
