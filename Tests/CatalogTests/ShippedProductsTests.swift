import Catalog
import LoanMath
import Rules
import Testing

/// Every product in `products/` loads, refers to a shipped calendar, and makes a schedule.
@Suite struct ShippedProductsTests {
    static let root = Golden.repositoryRoot()
    static let productIDs = ["gold-loan", "home-loan", "mfi-weekly-jlg", "msme-term-loan", "personal-loan",
                             "two-wheeler-loan"]

    static func loadAll() throws -> [ProductDefinition] {
        let calendars = try CalendarLoader.loadAll(directory: root.appendingPathComponent("policies/calendars").path).get()
        return try ProductLoader.loadAll(directory: root.appendingPathComponent("products").path,
                                         calendars: Set(calendars.keys)).get()
    }

    @Test func allShippedProductsLoad() throws {
        let products = try Self.loadAll()
        #expect(products.map(\.id) == Self.productIDs)
    }

    @Test(arguments: productIDs)
    func productSchedules(_ id: String) throws {
        let product = try #require(try Self.loadAll().first { $0.id == id })
        // Twice the minimum principal, always inside the limits of the shipped products.
        let principal = product.limits.principal.min.value * 2
        let terms = try TermsResolver.resolve(product: product, terms: nil, overrides: [
            TermsOverride(key: "principal", text: principal.decimalString),
            TermsOverride(key: "disbursement_date", text: "2026-01-10"),
        ])
        let schedule = try ScheduleEngine.schedule(for: terms)
        #expect(schedule.rows.count == terms.installmentCount)
        #expect(schedule.totalPrincipal == principal + schedule.totalCapitalised)
        #expect(schedule.rows.last?.closingBalance.isZero == true)
        #expect(product.limits.tenure.contains(terms.installmentCount))
        #expect(product.limits.rate.contains(terms.annualRate))
    }

    @Test func shippedProductsCarryTheirFeatures() throws {
        let products = Dictionary(uniqueKeysWithValues: try Self.loadAll().map { ($0.id, $0) })
        let home = try #require(products["home-loan"])
        #expect(home.rateType == .floating)
        #expect(home.floating?.benchmark == "repo-rate")
        #expect(home.limits.tenure.max.value == 360)
        #expect(products["mfi-weekly-jlg"]?.defaults.frequency?.value == .weekly)
        #expect(products["mfi-weekly-jlg"]?.category == .microfinance)
        #expect(products["two-wheeler-loan"]?.defaults.roundingInstallment?.value == .major)
        #expect(products["msme-term-loan"]?.defaults.moratoriumPrincipal?.value == 6)
        #expect(products["gold-loan"]?.defaults.amortization?.value == .interestOnly)
        #expect(products["personal-loan"]?.secured == false)
    }

    @Test func unknownCalendarIsReportedWithSuggestion() throws {
        let directory = Self.root.appendingPathComponent("products").path
        guard case .failure(let error) = ProductLoader.loadAll(directory: directory, calendars: ["india-bank"]) else {
            Issue.record("expected unknown calendar errors")
            return
        }
        #expect(error.diagnostics.count == Self.productIDs.count)
        #expect(error.diagnostics.allSatisfy { $0.message.contains("unknown calendar `india-banks`; did you mean `india-bank`?") })
    }

    @Test func productIDMustMatchFileName() throws {
        let text = try #require(Golden.text("products", "terms-json-errors", "product.yaml"))
        let result = ProductLoader.load(ConfigSource(text: text, displayPath: "products/personal-loans.yaml"),
                                        expectedID: "personal-loans")
        guard case .failure(let error) = result else { Issue.record("expected an error"); return }
        #expect(error.description ==
            "products/personal-loans.yaml:1:10: error: the product id `personal-loan` must match the file name `personal-loans.yaml`")
    }
}
