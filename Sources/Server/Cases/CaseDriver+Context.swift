import LoanMath
import Rules
import Servicing
import Workflow

extension CaseDriver {
    /// Context names the server sets itself, from the loan or the case's proposal; a request may not.
    static let derivedNames: Set<String> = ["outstanding", "classification", "amount"]

    /// The values of the derived names the workflow declares: `outstanding` (principal, interest due
    /// and charges unpaid on `date`), `classification` (the loan's IRACP class) and `amount` (the
    /// proposal's).
    func derived(_ c: WorkflowCase, _ workflow: CompiledWorkflow, _ state: LoanState, on date: LocalDate)
        -> [String: Value] {
        var values: [String: Value] = [:]
        let names = Set(workflow.context.names)
        if names.contains("outstanding") {
            let quote = state.foreclosureQuote(on: date)
            values["outstanding"] = Value(quote.principal + quote.interestDue + quote.charges)
        }
        if names.contains("classification") { values["classification"] = .string(Self.classification(state)) }
        if names.contains("amount"), let amount = APIText.money(c.proposed("amount")) { values["amount"] = Value(amount) }
        return values
    }

    /// The write-off workflow's name of a loan's class: `standard`, `sma_0`…, `npa_substandard`,
    /// `npa_doubtful_d1`…, `npa_loss`.
    static func classification(_ state: LoanState) -> String {
        let asset = state.classification.assetClass
        let name = asset.rawValue.replacingOccurrences(of: "-", with: "_")
        return asset.isNPA ? "npa_" + name : name
    }
}
