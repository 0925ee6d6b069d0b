import Identity

/// What changed between two catalogs, in the words of the teams that edit them:
/// `personal-loan: processing fee 2% → 2.5%`, `new product: lap`,
/// `retail-origination: on approve in manual-review to sanction; roles … → …`.
public enum CatalogDiff {
    /// One line per change: products, workflows, policies, the application model's fields, the asset
    /// classification settings, the chart of accounts, then other files by path.
    public static func compare(_ old: Catalog, _ new: Catalog) -> [String] {
        var lines = changes(kind: "product", old.products, new.products, name: \.name, facts: ProductFacts.facts)
        lines += changes(kind: "workflow", old.workflows, new.workflows, name: \.name, facts: WorkflowFacts.facts)
        lines += changes(kind: "policy", policySources(old), policySources(new), name: { _ in "" }, facts: PolicyFacts.facts)
        lines += factChanges(
            ApplicationModelFacts.label, ApplicationModelFacts.facts(old.applicationModel),
            ApplicationModelFacts.facts(new.applicationModel))
        lines += settingsChanges(
            AssetClassificationFacts.label, AssetClassificationPolicy.path,
            AssetClassificationFacts.facts(old.assetClassification),
            AssetClassificationFacts.facts(new.assetClassification))
        lines += settingsChanges(
            AccountingFacts.label, ChartOfAccounts.path, AccountingFacts.facts(old.accounting),
            AccountingFacts.facts(new.accounting))
        lines += RolesFacts.changes(old.roles, new.roles)
        let policyPaths = (Array(policySources(old).values) + Array(policySources(new).values)).map(\.displayPath)
        lines += fileChanges(
            old.tree, new.tree,
            skipping: ["products/", "workflows/", ApplicationModel.path, AssetClassificationPolicy.path,
                       ChartOfAccounts.path, AccessPolicy.path] + policyPaths)
        return lines
    }

    /// Changes to a settings file fact by fact; one line when the file is added or removed.
    static func settingsChanges(_ label: String, _ path: String, _ old: [(label: String, value: String)],
                                _ new: [(label: String, value: String)]) -> [String] {
        switch (old.isEmpty, new.isEmpty) {
        case (true, false): return ["new \(label) (\(path))"]
        case (false, true): return ["removed \(label) (\(path))"]
        default: return factChanges(label, old, new)
        }
    }

    /// The policy files of a catalog's tree by policy name (the file name).
    static func policySources(_ catalog: Catalog) -> [String: ConfigSource] {
        Dictionary(PolicySet.policyFiles(catalog.tree).map { (ProductLoader.fileStem($0.displayPath), $0) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// Added, removed and changed items of one kind, each compared fact by fact.
    static func changes<Item>(kind: String, _ old: [String: Item], _ new: [String: Item], name: (Item) -> String,
                              facts: (Item) -> [(label: String, value: String)]) -> [String] {
        var lines: [String] = []
        for id in Set(old.keys).union(new.keys).sorted() {
            switch (old[id], new[id]) {
            case (nil, let added?): lines.append("new \(kind): \(id)" + label(name(added), id))
            case (let removed?, nil): lines.append("removed \(kind): \(id)" + label(name(removed), id))
            case (let before?, let after?): lines += factChanges(id, facts(before), facts(after))
            default: break
            }
        }
        return lines
    }

    /// ` (Name)` when the name says more than the id.
    static func label(_ name: String, _ id: String) -> String { name.isEmpty || name == id ? "" : " (\(name))" }

    static func factChanges(_ id: String, _ old: [(label: String, value: String)],
                            _ new: [(label: String, value: String)]) -> [String] {
        let oldByLabel = Dictionary(old.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
        let newByLabel = Dictionary(new.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
        var labels = old.map(\.label)
        labels += new.map(\.label).filter { oldByLabel[$0] == nil }
        var lines: [String] = []
        for label in labels {
            switch (oldByLabel[label], newByLabel[label]) {
            case (let a?, let b?) where a != b: lines.append("\(id): \(label) \(a) → \(b)")
            case (nil, let b?): lines.append("\(id): new \(label) \(b)")
            case (let a?, nil): lines.append("\(id): no more \(label) (was \(a))")
            default: break
            }
        }
        return lines
    }

    /// Files outside `skipping` that were added, removed or changed.
    static func fileChanges(_ old: ConfigTree, _ new: ConfigTree, skipping prefixes: [String]) -> [String] {
        let before = old.texts, after = new.texts
        return Set(before.keys).union(after.keys).filter { path in !prefixes.contains { path.hasPrefix($0) } }.sorted()
            .compactMap { path in
                switch (before[path], after[path]) {
                case (nil, _?): return "\(path): added"
                case (_?, nil): return "\(path): removed"
                case (let a?, let b?) where a != b: return "\(path): changed"
                default: return nil
                }
            }
    }
}
