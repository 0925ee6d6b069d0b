import Catalog
import LoanMath

/// A product's schedule for an application's amount, tenure, rate and date: the product's limits
/// checked, each error naming the request field (`amount`, `tenure`, `rate`).
enum ApplicationTerms {
    static func schedule(_ product: ProductDefinition, amount: Money, tenure: Int, rate: Rate? = nil,
                         on date: LocalDate) throws(Problem) -> Schedule {
        var overrides = [
            TermsOverride(key: "principal", text: amount.decimalString, flag: "amount"),
            TermsOverride(key: "tenure", text: String(tenure), flag: "tenure"),
            TermsOverride(key: "disbursement_date", text: date.iso, flag: "date"),
        ]
        if let rate { overrides.append(TermsOverride(key: "rate", text: rate.percentString, flag: "rate")) }
        let terms: LoanTerms
        do { terms = try TermsResolver.resolve(product: product, terms: nil, overrides: overrides) } catch {
            throw Problem(.unprocessableContent, "terms refused", detail: "the terms do not fit the product",
                          errors: LoanCommands.termErrors(error.diagnostics))
        }
        do { return try ScheduleEngine.schedule(for: terms) } catch {
            throw Problem(.unprocessableContent, "terms refused", detail: "no schedule for these terms: \(error)")
        }
    }

    /// The equated instalment of a schedule: its first row's total (the last one absorbs rounding).
    static func installment(_ schedule: Schedule) -> Money { schedule.rows.first?.total ?? .zero() }

    /// Fees and GST borne upfront, lender's and third parties'.
    static func upfront(_ schedule: Schedule) -> Money {
        schedule.terms.fees.reduce(Money.zero(schedule.terms.principal.currency)) { $0 + $1.total }
    }
}
