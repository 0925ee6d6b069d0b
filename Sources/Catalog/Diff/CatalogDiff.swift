/// What changed between two catalogs, in a product team's words:
/// `personal-loan: processing fee 2% → 2.5%`, `new product: lap`, `policies/x.yaml: changed`.
public enum CatalogDiff {
    /// One line per change, products first, then other files by path.
    public static func compare(_ old: Catalog, _ new: Catalog) -> [String] {
        var lines: [String] = []
        for id in Set(old.products.keys).union(new.products.keys).sorted() {
            switch (old.products[id], new.products[id]) {
            case (nil, let added?): lines.append("new product: \(id) (\(added.name))")
            case (let removed?, nil): lines.append("removed product: \(id) (\(removed.name))")
            case (let before?, let after?): lines += productChanges(id, before, after)
            default: break
            }
        }
        lines += fileChanges(old.tree, new.tree, skipping: "products/")
        return lines
    }

    static func productChanges(_ id: String, _ before: ProductDefinition, _ after: ProductDefinition) -> [String] {
        let old = ProductFacts.facts(before), new = ProductFacts.facts(after)
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
    static func fileChanges(_ old: ConfigTree, _ new: ConfigTree, skipping prefix: String) -> [String] {
        let before = old.texts, after = new.texts
        return Set(before.keys).union(after.keys).filter { !$0.hasPrefix(prefix) }.sorted().compactMap { path in
            switch (before[path], after[path]) {
            case (nil, _?): return "\(path): added"
            case (_?, nil): return "\(path): removed"
            case (let a?, let b?) where a != b: return "\(path): changed"
            default: return nil
            }
        }
    }
}
