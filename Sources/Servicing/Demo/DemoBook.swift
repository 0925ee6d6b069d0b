import Catalog
import Ledger
import LoanMath

/// A demonstration loan book built only through the loan book's commands (activate, repay, bounce,
/// prepay, foreclose and the day end), never by writing projections: loans on every shipped product,
/// borrowers who pay on time, late, not at all, who bounce, prepay or foreclose, so the book holds
/// current, SMA, NPA, prepaid and closed loans. Deterministic: a seed, business dates, no clock.
public enum DemoBook {
    /// What the demo left: loans by IRACP class and by status.
    public struct Summary: Sendable, Hashable {
        public var through: LocalDate
        public var loans = 0
        public var byClass: [AssetClass: Int] = [:]
        public var byStatus: [LoanStatus: Int] = [:]
        /// Commands refused along the way (a product whose defaults do not fit a demo borrower).
        public var refused = 0
    }

    /// A loan the demo booked and how its borrower behaves.
    struct Plan {
        var id: String
        var behaviour: DemoBehaviour
        var disbursed: LocalDate
        var dueDates: [LocalDate]
    }

    /// Seeds `book` under `catalog`: books the loans over the first 30 days and runs every
    /// business date through `settings.end`, borrowers acting before each day end.
    public static func seed(_ book: LoanBook, catalog: Catalog, settings: DemoSettings) throws(ServicingError) -> Summary {
        var random = SplitMix64(state: settings.seed)
        let products = catalog.products.keys.sorted().compactMap { catalog.product($0) }
        var plans: [Plan] = []
        var summary = Summary(through: settings.end)
        // Ten loans a day over the first 30 days (the first ten, one of each behaviour, on day one).
        let bookingDays = Dictionary(grouping: 0..<max(0, settings.loans), by: { ($0 / 10) % 30 })
        var day = settings.start
        while day <= settings.end, !products.isEmpty {
            for number in bookingDays[settings.start.distance(to: day)] ?? [] {
                let product = products[number % products.count]
                if let plan = try open(book, number, product, on: day, &random) { plans.append(plan) } else {
                    summary.refused += 1
                }
            }
            for plan in plans { summary.refused += try act(book, plan, on: day) }
            _ = try book.runDayEnd(through: day)
            day = day.adding(days: 1)
        }
        for plan in plans {
            guard let state = try book.state(plan.id) else { continue }
            summary.loans += 1
            summary.byClass[state.classification.assetClass, default: 0] += 1
            summary.byStatus[state.status, default: 0] += 1
        }
        return summary
    }

    /// Books loan `number` on `product` (its defaults, a principal the generator picks within the
    /// limits), disbursed on `day`; nil when the product's terms do not resolve.
    static func open(_ book: LoanBook, _ number: Int, _ product: ProductDefinition, on day: LocalDate,
                     _ random: inout SplitMix64) throws(ServicingError) -> Plan? {
        let low = product.limits.principal.min.value.minorUnits, high = product.limits.principal.max.value.minorUnits
        let steps = Int64(1 + random.next() % 6)
        let principal = min(high, low + (low / 2) * steps) / 100_000 * 1_000
        let overrides = [TermsOverride(key: "principal", text: String(principal)),
                         TermsOverride(key: "disbursement_date", text: day.iso)]
        guard let terms = try? TermsResolver.resolve(product: product, terms: nil, overrides: overrides),
              let schedule = try? ScheduleEngine.schedule(for: terms) else { return nil }
        let id = "DEMO-\(String(1_000 + number).dropFirst())"
        let security = product.secured ? Money(minorUnits: principal * 125, currency: terms.principal.currency)
            : .zero(terms.principal.currency)
        try book.activate(LoanBooking(loanID: id, product: product.id, schedule: schedule, securityValue: security),
                          idempotencyKey: "demo:book:\(id)")
        return Plan(id: id, behaviour: DemoBehaviour.of(number, &random), disbursed: day,
                    dueDates: schedule.rows.map(\.dueDate))
    }
}
