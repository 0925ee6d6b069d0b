import Documents
import Identity
import LoanMath
import Rules
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
    /// Compiled policies (underwriting, pricing, fees, charges) by name.
    public let policies: [String: CompiledPolicy]
    /// What an application holds for the policies products name (`policies/application-model.yaml`).
    public let applicationModel: ApplicationModel?
    /// Compiled document templates (Key Facts Statement, NOC…) by file stem.
    public let templates: TemplateSet
    /// SMA/NPA thresholds, NPA ageing and provisioning rates (`policies/asset-classification.yaml`).
    public let assetClassification: AssetClassificationPolicy?
    /// The chart of accounts and the account each posting role goes to (`policies/accounting.yaml`).
    public let accounting: ChartOfAccounts?
    /// Staff roles, maker-checker pairs and sign-in settings (`policies/roles.yaml`).
    public let roles: AccessPolicy?

    public init(version: CatalogVersion, tree: ConfigTree, products: [String: ProductDefinition],
                calendars: [String: HolidayCalendar], workflows: [String: CompiledWorkflow] = [:],
                policies: [String: CompiledPolicy] = [:], applicationModel: ApplicationModel? = nil,
                templates: TemplateSet = TemplateSet(), assetClassification: AssetClassificationPolicy? = nil,
                accounting: ChartOfAccounts? = nil, roles: AccessPolicy? = nil) {
        self.version = version
        self.tree = tree
        self.products = products
        self.calendars = calendars
        self.workflows = workflows
        self.policies = policies
        self.applicationModel = applicationModel
        self.templates = templates
        self.assetClassification = assetClassification
        self.accounting = accounting
        self.roles = roles
    }

    /// The product called `id`.
    public func product(_ id: String) -> ProductDefinition? { products[id] }

    /// The policy called `name`.
    public func policy(_ name: String) -> CompiledPolicy? { policies[name] }

    /// How many files of each kind the catalog holds, for one-line summaries.
    public var counts: (products: Int, policies: Int, workflows: Int, templates: Int) {
        (products.count, policies.count, workflows.count, templates.count)
    }
}
