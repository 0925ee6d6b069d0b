import LoanMath
import Rules

/// Reads a product file's tree into a `ProductDefinition`, reporting every problem into the log.
struct ProductDecoder {
    let log: DiagnosticLog
    /// The file's display path.
    let file: String
    /// The id the file name demands, or `nil` to skip that check.
    let expectedID: String?

    static let keys = Schemas.product.keys

    func decode(_ root: ConfigNode) -> ProductDefinition? {
        guard let reader = MappingReader(root, owner: nil, keys: ProductDecoder.keys, log: log) else { return nil }
        let id = reader.required("product", .identifier(example: "personal-loan"))
        if let id, let expectedID, id.value != expectedID {
            log.error("the product id `\(id.value)` must match the file name `\(expectedID).yaml`", at: id)
        }
        let name = reader.required("name", .text)
        let description = reader.optional("description", .text)
        let currency = reader.required("currency", ProductDecoder.currency)
        let category: Located<ProductCategory>? = reader.required("category", .word("a product category"))
        let secured = reader.required("secured", .bool)
        let rateType: Located<RateType>? = reader.required("rate_type", .word("a rate type"))
        let floating = decodeFloating(reader, rateType: rateType)
        let calendar = reader.optional("calendar", .identifier(example: "india-banks"))
        var references = ProductReferences()
        references.workflow = reader.optional("workflow", .identifier(example: "retail-origination"))
        references.servicingWorkflow = reader.optional("servicing_workflow", .identifier(example: "loan-lifecycle"))
        references.policy = reader.optional("policy", .identifier(example: "personal-loan-underwriting"))
        if let documents = reader.list("documents") {
            references.documents = documents.items.compactMap { item in
                MappingReader.read(item, key: "documents", .identifier(example: "kfs"), log: log)
            }
        }
        references.checklist = reader.entry("checklist").flatMap(decodeChecklist)
        let limits = reader.requiredEntry("limits").map(decodeLimits) ?? PartialLimits()
        var defaults = TermsLayer()
        if let entry = reader.entry("defaults") {
            defaults = TermsDecoder(log: log, allowsPercentageFees: true).decode(entry.value, owner: entry)
            TermsAssembler.checkDefaults(defaults, log: log)
        }
        LimitCheck.check(defaults, against: limits, log: log)
        guard let id, let name, let currency, let category, let secured, let rateType,
              let limits = limits.complete else { return nil }
        if rateType.value == .floating && floating == nil { return nil }
        var product = ProductDefinition(id: id.value, name: name.value, description: description?.value,
                                        currency: currency.value, category: category.value, secured: secured.value,
                                        rateType: rateType.value, floating: floating, calendar: calendar,
                                        limits: limits, defaults: defaults, file: file)
        product.references = references
        return product
    }

    /// `floating:` is required for a floating-rate product and refused for a fixed one.
    func decodeFloating(_ reader: MappingReader, rateType: Located<RateType>?) -> FloatingRateLink? {
        let entry = reader.entry("floating")
        switch (rateType?.value, entry) {
        case (.fixed?, let entry?):
            log.error("`floating` applies only to `rate_type: floating`", atKey: entry)
            return nil
        case (.floating?, nil):
            log.error("a floating-rate product needs `floating: { benchmark, spread, reset_months }`", at: rateType!)
            return nil
        case (_, let entry?):
            guard let floating = MappingReader(entry, keys: Schemas.product.object("floating").keys, log: log) else {
                return nil
            }
            let benchmark = floating.required("benchmark", .identifier(example: "repo-rate"))
            let spread = floating.required("spread", .rate())
            let reset = floating.required("reset_months", .integer(1...120))
            guard let benchmark, let spread, let reset else { return nil }
            return FloatingRateLink(benchmark: benchmark.value, spread: spread, resetMonths: reset.value)
        default:
            return nil
        }
    }

    /// Only INR for now.
    static var currency: ScalarParser<Currency> {
        ScalarParser(expected: "`INR`") { text, _ in
            text == Currency.inr.code ? .value(.inr) : .problem("only `INR` is supported for now, found `\(text)`")
        }
    }
}
