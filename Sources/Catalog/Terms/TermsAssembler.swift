import LoanMath
import Rules

/// Turns merged terms into `LoanTerms`: fills defaults, checks required values, product limits and
/// the rules between fields, and works out fees. Every problem goes into the log.
struct TermsAssembler {
    let layer: TermsLayer
    let product: ProductDefinition?
    /// The terms file's top level, where "missing" problems point when there is a terms file.
    let termsRoot: ConfigNode?
    let log: DiagnosticLog
    /// Checking a product's defaults alone: figures a loan may still supply are not demanded.
    var isPartial = false

    /// Checks the rules between fields of a product's defaults, where some values are still open.
    static func checkDefaults(_ defaults: TermsLayer, log: DiagnosticLog) {
        let assembler = TermsAssembler(layer: defaults, product: nil, termsRoot: nil, log: log, isPartial: true)
        _ = assembler.amortization(principal: defaults.principal?.value)
        let moratorium = assembler.moratorium(tenure: defaults.tenure)
        assembler.checkFirstDueDate(disbursed: defaults.disbursementDate)
        assembler.checkMethod(moratorium: moratorium)
    }

    func assemble() -> LoanTerms? {
        let principal = required(layer.principal, "principal")
        let rate = required(layer.rate, "rate")
        let tenure = required(layer.tenure, "tenure")
        let disbursed = required(layer.disbursementDate, "disbursement_date")
        if let product { LimitCheck.check(layer, against: product.limits, log: log) }
        let amortization = self.amortization(principal: principal?.value)
        let moratorium = self.moratorium(tenure: tenure)
        checkFirstDueDate(disbursed: disbursed)
        checkMethod(moratorium: moratorium)
        let fees = principal.flatMap { FeeResolver(log: log).fees(layer.fees, principal: $0) }
        guard let principal, let rate, let tenure, let disbursed, let amortization, let moratorium, let fees else {
            return nil
        }
        return LoanTerms(principal: principal.value, annualRate: rate.value, installmentCount: tenure.value,
                         frequency: layer.frequency?.value ?? .monthly,
                         method: layer.method?.value ?? .reducingBalance, amortization: amortization,
                         dayCount: layer.dayCount?.value ?? .thirty360, disbursementDate: disbursed.value,
                         firstDueDate: layer.firstDueDate?.value, moratorium: moratorium, rounding: rounding,
                         fees: fees)
    }

    /// `value`, or a "missing" problem when no layer states `key` (a bad value was reported already).
    func required<Value>(_ value: Located<Value>?, _ key: String) -> Located<Value>? {
        if value != nil || layer.statedKeys.contains(key) { return value }
        let fromProduct = product.map { "the product `\($0.id)` has no default; " } ?? ""
        let flag = TermsOverride.flagLocation(key).file
        if let termsRoot {
            log.add(Diagnostic(at: termsRoot.location,
                               "missing `\(key)`: \(fromProduct)set it in this terms file or with `\(flag)`"))
        } else {
            log.add(Diagnostic(at: TermsOverride.flagLocation(key),
                               "missing `\(key)`: \(fromProduct)set it with `\(flag)` or in a terms file"))
        }
        return nil
    }

    var rounding: ScheduleRounding {
        ScheduleRounding(installmentUnit: layer.roundingInstallment?.value ?? .minor,
                         installmentMode: layer.roundingMode?.value ?? .halfUp,
                         interestMode: layer.roundingInterest?.value ?? .halfUp,
                         lastInstallment: layer.roundingLastInstallment?.value ?? .adjusted)
    }
}
