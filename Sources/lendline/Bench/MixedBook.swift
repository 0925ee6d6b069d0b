import Catalog
import LoanMath
import Rules

/// A deterministic mix of loan terms drawn from the shipped products, for benchmarks: each product
/// resolved once, then principal, tenure and disbursement date varied within its limits.
enum MixedBook {
    static func terms(count: Int, configDirectory: String) throws -> (terms: [LoanTerms], source: String) {
        let products: [ProductDefinition]
        switch ProductLoader.loadAll(directory: configDirectory + "/products") {
        case .success(let loaded): products = loaded
        case .failure(let error): throw error
        }
        guard !products.isEmpty else { throw BenchError.noProducts(configDirectory) }
        var bases: [(ProductDefinition, LoanTerms)] = []
        for product in products {
            let limits = product.limits
            let overrides = [
                TermsOverride(key: "principal", text: limits.principal.min.value.decimalString),
                TermsOverride(key: "disbursement_date", text: "2026-01-10"),
            ]
            bases.append((product, try TermsResolver.resolve(product: product, terms: nil, overrides: overrides)))
        }
        var generator = SeededGenerator(seed: 42)
        var result: [LoanTerms] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            let (product, base) = bases[i % bases.count]
            var terms = base
            let low = product.limits.principal.min.value.minorUnits, high = product.limits.principal.max.value.minorUnits
            terms.principal = Money(minorUnits: low + Int64(generator.next() % UInt64(high - low + 1)) / 100 * 100)
            let tenureLow = product.limits.tenure.min.value, tenureHigh = product.limits.tenure.max.value
            terms.installmentCount = tenureLow + Int(generator.next() % UInt64(tenureHigh - tenureLow + 1))
            terms.moratorium.principalPeriods = min(terms.moratorium.principalPeriods, terms.installmentCount - 1)
            terms.moratorium.interestPeriods = min(terms.moratorium.interestPeriods, terms.moratorium.principalPeriods)
            terms.disbursementDate = base.disbursementDate.adding(days: Int(generator.next() % 365))
            terms.firstDueDate = nil
            result.append(terms)
        }
        return (result, "\(products.count) shipped products")
    }
}

enum BenchError: Error, CustomStringConvertible {
    case noProducts(String)
    var description: String {
        switch self {
        case .noProducts(let directory): return "no product files under \(directory)/products"
        }
    }
}
