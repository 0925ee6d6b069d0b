import Documents
import LoanMath
import Rules
import Workflow

/// Compiles a configuration tree into a `Catalog`, reporting every problem in every file at once.
public enum CatalogCompiler {
    /// The catalog of `tree`, or all of its diagnostics. `gitCommit` is recorded in the version.
    public static func compile(_ tree: ConfigTree, gitCommit: String? = nil) -> Result<Catalog, DiagnosticsError> {
        var diagnostics: [Diagnostic] = []

        var calendars: [String: HolidayCalendar] = [:]
        for source in tree.files(in: "policies/calendars") {
            switch CalendarLoader.load(source, expectedName: ProductLoader.fileStem(source.displayPath)) {
            case .success(let calendar): calendars[calendar.name] = calendar
            case .failure(let error): diagnostics += error.diagnostics
            }
        }

        var products: [String: ProductDefinition] = [:]
        for source in tree.files(in: "products") {
            switch ProductLoader.load(source, expectedID: ProductLoader.fileStem(source.displayPath)) {
            case .success(let product):
                products[product.id] = product
                diagnostics += ProductLoader.calendarProblems(product, Set(calendars.keys))
            case .failure(let error):
                diagnostics += error.diagnostics
            }
        }

        var workflows: [String: CompiledWorkflow] = [:]
        for source in tree.files(in: "workflows") {
            switch WorkflowLoader.load(source, expectedName: ProductLoader.fileStem(source.displayPath)) {
            case .success(let workflow): workflows[workflow.name] = workflow
            case .failure(let error): diagnostics += error.diagnostics
            }
        }

        let (policySet, policyDiagnostics) = PolicySet.compile(tree)
        diagnostics += policyDiagnostics

        let (model, modelDiagnostics) = ApplicationModelLoader.load(tree)
        diagnostics += modelDiagnostics

        let (assetClassification, classificationDiagnostics) = AssetClassificationLoader.load(tree)
        diagnostics += classificationDiagnostics
        let (accounting, accountingDiagnostics) = AccountingLoader.load(tree)
        diagnostics += accountingDiagnostics
        let (roles, rolesDiagnostics) = RolesLoader.load(tree)
        diagnostics += rolesDiagnostics
        diagnostics += IntegrationsLoader.load(tree).diagnostics

        let (templates, templateDiagnostics, failedTemplates) = TemplateSet.compile(templateSources(tree))
        diagnostics += templateDiagnostics

        let templateNames = Set(templates.names).union(failedTemplates)
        let sortedProducts = products.values.sorted { $0.id < $1.id }
        diagnostics += CrossReferences.check(products: sortedProducts, workflows: workflows, policies: policySet,
                                             templates: templateNames)
        diagnostics += ApplicationFeedCheck.check(products: sortedProducts, policies: policySet, model: model)

        guard diagnostics.isEmpty else { return .failure(DiagnosticsError(diagnostics)) }
        let version = CatalogVersion(hash: tree.contentHash, gitCommit: gitCommit)
        return .success(Catalog(version: version, tree: tree, products: products, calendars: calendars,
                                  workflows: workflows, policies: policySet.policies,
                                  applicationModel: model.model, templates: templates,
                                  assetClassification: assetClassification, accounting: accounting,
                                  roles: roles))
    }

    /// The templates of `tree` (`templates/**/*.xhtml`), each named by its file stem.
    static func templateSources(_ tree: ConfigTree) -> [TemplateSource] {
        tree.files(in: "templates", ending: ".xhtml").map {
            let file = $0.displayPath.split(separator: "/").last.map(String.init) ?? $0.displayPath
            return TemplateSource(name: String(file.dropLast(".xhtml".count)), path: $0.displayPath, text: $0.text)
        }
    }

    /// Reads and compiles the tree rooted at `directory`, with its git commit when it has one.
    public static func load(directory: String) -> Result<Catalog, DiagnosticsError> {
        do {
            let tree = try ConfigTree.read(directory: directory)
            return compile(tree, gitCommit: GitRevision.describe(directory: directory))
        } catch {
            return .failure(error)
        }
    }
}
