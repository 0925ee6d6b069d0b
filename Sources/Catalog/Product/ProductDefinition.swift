import LoanMath

/// A loan product as its product team wrote it in `products/<id>.yaml`: what it is, its limits,
/// and the default terms a loan of it starts from.
public struct ProductDefinition: Sendable, Hashable {
    /// The product id, equal to the file name without `.yaml`, e.g. `personal-loan`.
    public var id: String
    public var name: String
    public var description: String?
    public var currency: Currency
    public var category: ProductCategory
    public var secured: Bool
    public var rateType: RateType
    /// Benchmark, spread and reset period; present exactly when `rateType` is `.floating`.
    public var floating: FloatingRateLink?
    /// Name of the holiday calendar in `policies/calendars/`, if the product names one.
    public var calendar: Located<String>?
    public var limits: ProductLimits
    /// The terms a loan of this product starts from; a terms file and flags override them.
    public var defaults: TermsLayer
    /// The path the product was loaded from, as shown in diagnostics.
    public var file: String
    /// The workflows, policy and documents the product names, checked to exist when the catalog compiles.
    public var references = ProductReferences()
}

/// Other configuration a product names, each located where it is named.
public struct ProductReferences: Sendable, Hashable {
    /// The origination workflow in `workflows/`.
    public var workflow: Located<String>?
    /// The servicing workflow in `workflows/`.
    public var servicingWorkflow: Located<String>?
    /// The underwriting policy in `policies/`.
    public var policy: Located<String>?
    /// Templates in `templates/` the product issues (KFS, sanction letter…).
    public var documents: [Located<String>] = []
    /// The documents origination collects with an application; nil when the product names none.
    public var checklist: DocumentChecklist?

    public init() {}
}

/// A product's application checklist: items an application must carry before it is submitted, and
/// items it may carry besides.
public struct DocumentChecklist: Sendable, Hashable {
    public var required: [String]
    public var optional: [String]

    public init(required: [String], optional: [String]) {
        self.required = required
        self.optional = optional
    }

    /// Every item, required first.
    public var items: [String] { required + optional }
}

/// The lending segment a product belongs to.
public enum ProductCategory: String, Sendable, Hashable, CaseIterable {
    case retail, msme, microfinance, housing, vehicle, gold, agriculture
}

/// Whether a product's rate is fixed for the term or linked to an external benchmark.
public enum RateType: String, Sendable, Hashable, CaseIterable {
    case fixed, floating
}

/// How a floating rate follows its benchmark: benchmark + spread, reset every few months. The
/// benchmark's own value is market data and lives elsewhere.
public struct FloatingRateLink: Sendable, Hashable {
    /// The external benchmark, e.g. `repo-rate`.
    public var benchmark: String
    public var spread: Located<Rate>
    public var resetMonths: Int
}

/// The bounds a product puts on principal, tenure and rate, each located where it is written.
public struct ProductLimits: Sendable, Hashable {
    public var principal: LimitRange<Money>
    /// In instalments.
    public var tenure: LimitRange<Int>
    public var rate: LimitRange<Rate>
}

/// A minimum and a maximum, each with where it is defined.
public struct LimitRange<Bound: Comparable & Hashable & Sendable>: Sendable, Hashable {
    public var min: Located<Bound>
    public var max: Located<Bound>

    /// Whether `value` lies within the bounds.
    public func contains(_ value: Bound) -> Bool { min.value <= value && value <= max.value }
}
