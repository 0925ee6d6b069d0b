import Catalog
import LoanMath
import Rules
import Testing

@Suite("policies/asset-classification.yaml: SMA/NPA thresholds, NPA ageing, provisioning")
struct AssetClassificationTests {
    static func bp(_ n: Int64) -> Rate { Rate(basisPoints: n) }

    /// RBI's provisioning figures for NBFCs (DOMAIN.md), in basis points: (secured, unsecured).
    static let nbfcBasisPoints: [(AssetClass, Int64, Int64)] = [
        (.standard, 40, 40), (.sma0, 40, 40), (.sma1, 40, 40), (.sma2, 40, 40),
        (.substandard, 1_000, 1_000),
        (.doubtfulD1, 2_000, 10_000), (.doubtfulD2, 3_000, 10_000), (.doubtfulD3, 5_000, 10_000),
        (.loss, 10_000, 10_000),
    ]

    func shipped() throws -> Catalog {
        try CatalogCompiler.load(directory: Golden.repositoryRoot().path).get()
    }

    @Test("the shipped file holds RBI's term-loan bands and NBFC provisioning figures")
    func shippedFigures() throws {
        let policy = try #require(try shipped().assetClassification)
        let rules = policy.classification
        #expect([rules.sma0Through, rules.sma1Through, rules.sma2Through] == [30, 60, 90])
        #expect([rules.substandardMonths, rules.doubtfulD1Months, rules.doubtfulD2Months] == [12, 12, 24])
        for (assetClass, secured, unsecured) in Self.nbfcBasisPoints {
            let rates = try #require(policy.provisioning.rates[assetClass], "\(assetClass)")
            #expect(rates.secured == Self.bp(secured), "\(assetClass) secured")
            #expect(rates.unsecured == Self.bp(unsecured), "\(assetClass) unsecured")
        }
        #expect(policy.standardRateByCategory.isEmpty, "the NBFC file sets no category rates")
        #expect(policy.provisioning == ProvisioningRates.nbfc(), "the same figures as LoanMath's NBFC preset")
    }

    @Test("the shipped figures classify RBI's worked example: due 31 Mar → SMA-1 30 Apr, SMA-2 30 May, NPA 29 Jun")
    func workedExample() throws {
        let rules = try #require(try shipped().assetClassification).classification
        let due = try #require(LocalDate(iso: "2026-03-31"))
        func classOn(_ iso: String) throws -> AssetClass {
            let date = try #require(LocalDate(iso: iso))
            let dpd = DaysPastDue.at(date, oldestUnpaidDue: due)
            return rules.classify(previous: .standard, dpd: dpd, hasArrears: true, on: date).assetClass
        }
        #expect(try classOn("2026-04-29") == .sma0)
        #expect(try classOn("2026-04-30") == .sma1)
        #expect(try classOn("2026-05-30") == .sma2)
        #expect(try classOn("2026-06-28") == .sma2)
        #expect(try classOn("2026-06-29") == .substandard)
    }

    @Test("a category's standard rate applies to its standard loans only; SMA and NPA keep theirs")
    func categoryRates() throws {
        let text = try #require(try shipped().tree.texts[AssetClassificationPolicy.path])
            .replacingOccurrences(of: "# standard_by_category:", with: "standard_by_category:")
            .replacingOccurrences(of: "#   housing: 0.25%", with: "  housing: 0.25%")
        let policy = try AssetClassificationLoader.load(
            ConfigSource(text: text, displayPath: AssetClassificationPolicy.path)
        ).get()
        #expect(policy.standardRateByCategory == [.housing: Self.bp(25)])
        let housing = policy.provisioning(for: .housing)
        let outstanding = try #require(Money(parsing: "1000000"))
        // ₹10,00,000 standard housing loan at 0.25% = ₹2,500; at the general 0.40% = ₹4,000.
        #expect(housing.provision(for: .standard, outstanding: outstanding, securityValue: outstanding)
            == Money(parsing: "2500"))
        #expect(policy.provisioning(for: .retail).provision(for: .standard, outstanding: outstanding,
                                                            securityValue: .zero(.inr)) == Money(parsing: "4000"))
        #expect(housing.rates[.sma1]?.secured == Self.bp(40))
        // D1 with ₹6,00,000 of security: 20% of 6,00,000 + 100% of 4,00,000 = ₹5,20,000.
        let security = try #require(Money(parsing: "600000"))
        #expect(housing.provision(for: .doubtfulD1, outstanding: outstanding, securityValue: security)
            == Money(parsing: "520000"))
    }

    @Test("the catalog compiles with both servicing files and does not count them as policies")
    func compilesWithBoth() throws {
        let catalog = try shipped()
        #expect(catalog.assetClassification != nil)
        #expect(catalog.accounting != nil)
        #expect(catalog.policy("asset-classification") == nil)
        #expect(catalog.policy("accounting") == nil)
        #expect(catalog.counts.policies == 4)
    }

    @Test("a tree without the files compiles, with neither")
    func optional() throws {
        let catalog = try CatalogCompiler.compile(ConfigTree(files: [])).get()
        #expect(catalog.assetClassification == nil)
        #expect(catalog.accounting == nil)
    }
}
