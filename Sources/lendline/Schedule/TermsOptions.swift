import ArgumentParser
import Catalog
import LoanMath
import Rules

/// The options that give a loan's terms — a product, a terms file, flags — shared by `schedule`
/// and `render`. Terms come from the product's defaults, then --terms, then flags; later wins.
struct TermsOptions: ParsableArguments {
    @Option(help: "Product file (products/NAME.yaml).") var product: String?
    @Option(help: "Terms file (YAML or JSON) in the product file's vocabulary.") var terms: String?
    @Option(help: "Amount lent, in rupees.") var principal: String?
    @Option(help: "Nominal annual rate, e.g. 10.5%.") var rate: String?
    @Option(help: "Number of instalments.") var tenure: String?
    @Option(help: "weekly | fortnightly | monthly | quarterly | half-yearly | yearly") var frequency: String?
    @Option(help: "reducing-balance | flat | rule-of-78") var method: String?
    @Option(help: "equal-installment | equal-principal | interest-only | balloon | step-up") var amortization: String?
    @Option(help: "Balloon amount with --amortization balloon.") var balloon: String?
    @Option(name: .customLong("day-count"), help: "30/360 | actual/365 | actual/360 | actual/364 | actual/actual")
    var dayCount: String?
    @Option(name: .customLong("disbursement-date"), help: "YYYY-MM-DD") var disbursementDate: String?
    @Option(name: .customLong("first-due-date"), help: "YYYY-MM-DD") var firstDueDate: String?
    @Option(name: .customLong("set"), help: "Any term as KEY=VALUE (dotted keys for nested terms).")
    var assignments: [String] = []

    func validate() throws {
        for assignment in assignments where !assignment.contains("=") {
            throw ValidationError("--set takes KEY=VALUE, e.g. --set step.every=12; got '\(assignment)'")
        }
    }

    /// The product file, when one is given.
    func productDefinition() throws(DiagnosticsError) -> ProductDefinition? {
        guard let product else { return nil }
        switch ProductLoader.load(path: product) {
        case .success(let loaded): return loaded
        case .failure(let error): throw error
        }
    }

    /// The terms: the product's defaults, then the terms file, then the flags.
    func resolve() throws(DiagnosticsError) -> LoanTerms {
        try TermsResolver.resolve(product: try productDefinition(), termsFile: terms, overrides: overrides)
    }

    /// Flags as overrides, in the order the terms vocabulary lists them, then `--set` pairs.
    var overrides: [TermsOverride] {
        let flags: [(String, String?)] = [
            ("principal", principal), ("rate", rate), ("tenure", tenure), ("frequency", frequency),
            ("method", method), ("amortization", amortization), ("balloon", balloon), ("day_count", dayCount),
            ("disbursement_date", disbursementDate), ("first_due_date", firstDueDate),
        ]
        var result = flags.compactMap { key, value in value.map { TermsOverride(key: key, text: $0) } }
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            result.append(TermsOverride(key: parts[0], text: parts.count > 1 ? parts[1] : "", flag: "--set " + parts[0]))
        }
        return result
    }
}
