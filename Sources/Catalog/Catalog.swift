import LoanMath
import Workflow

/// The compiled configuration of a lender: every product, policy, workflow and template, checked
/// against each other, immutable, and identified by the hash of its sources. Applications and loans
/// record the version they were created under and keep using it.
public struct Catalog: Sendable {
    public let version: CatalogVersion
    /// The sources it was compiled from (to store by hash and to quote in diagnostics).
    public let tree: ConfigTree
    /// Loan products by id.
    public let products: [String: ProductDefinition]
    /// Holiday calendars by name.
    public let calendars: [String: HolidayCalendar]
    /// Compiled workflows (state machines) by name.
    public let workflows: [String: CompiledWorkflow]

    public init(version: CatalogVersion, tree: ConfigTree, products: [String: ProductDefinition],
                calendars: [String: HolidayCalendar], workflows: [String: CompiledWorkflow] = [:]) {
        self.version = version
        self.tree = tree
        self.products = products
        self.calendars = calendars
        self.workflows = workflows
    }

    /// The product called `id`.
    public func product(_ id: String) -> ProductDefinition? { products[id] }

    /// How many files of each kind the catalog holds, for one-line summaries.
    public var counts: (products: Int, policies: Int, workflows: Int, templates: Int) {
        (products.count, tree.files(in: "policies").count, workflows.count,
         tree.files(in: "templates", ending: ".xhtml").count)
    }
}
