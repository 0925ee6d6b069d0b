import LoanMath
import Rules

/// Works out a loan's terms from product defaults, a terms file and command-line overrides (later
/// over earlier), checks them against the product and each other, and reports every problem at once.
public enum TermsResolver {
    /// The terms for a loan of `product` (if any), with the terms file at `termsFile` (YAML or JSON,
    /// if any) and `overrides` from the command line on top.
    public static func resolve(product: ProductDefinition?, termsFile: String?,
                               overrides: [TermsOverride] = []) throws(DiagnosticsError) -> LoanTerms {
        let terms = try termsFile.map { path throws(DiagnosticsError) in try ConfigSource.read(path: path) }
        return try resolve(product: product, terms: terms, overrides: overrides)
    }

    /// The terms for a loan of `product` (if any), with `terms` (a terms file's text) and
    /// `overrides` on top.
    public static func resolve(product: ProductDefinition?, terms: ConfigSource?,
                               overrides: [TermsOverride] = []) throws(DiagnosticsError) -> LoanTerms {
        let log = DiagnosticLog()
        var layer = product?.defaults ?? TermsLayer()
        var termsRoot: ConfigNode?
        if let terms {
            do {
                let root = try terms.parse()
                termsRoot = root
                layer = layer.overlaid(by: TermsDecoder(log: log, allowsPercentageFees: false).decode(root, owner: nil))
            } catch {
                log.add(error.diagnostics)
            }
        }
        if !overrides.isEmpty {
            let tree = OverrideTree.build(overrides, log: log)
            layer = layer.overlaid(by: TermsDecoder(log: log, allowsPercentageFees: false).decode(tree, owner: nil))
        }
        let resolved = TermsAssembler(layer: layer, product: product, termsRoot: termsRoot, log: log).assemble()
        if let failure = log.failure { throw failure }
        guard let resolved else { throw DiagnosticsError([]) }
        return resolved
    }
}
