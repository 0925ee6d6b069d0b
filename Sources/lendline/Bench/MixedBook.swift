import LoanMath

/// A deterministic mix of loan terms for benchmarks.
enum MixedBook {
    static func terms(count: Int, configDirectory: String) throws -> (terms: [LoanTerms], source: String) {
        var generator = SplitMix(seed: 42)
        let templates: [LoanTerms] = [
            LoanTerms(principal: Money(major: 500_000), annualRate: Rate(parsing: "14%")!, installmentCount: 36,
                      disbursementDate: LocalDate(iso: "2026-01-10")!),
            LoanTerms(principal: Money(major: 4_000_000), annualRate: Rate(parsing: "8.5%")!, installmentCount: 240,
                      dayCount: .actual365, disbursementDate: LocalDate(iso: "2026-01-10")!),
            LoanTerms(principal: Money(major: 40_000), annualRate: Rate(parsing: "24%")!, installmentCount: 52,
                      frequency: .weekly, disbursementDate: LocalDate(iso: "2026-01-10")!),
            LoanTerms(principal: Money(major: 150_000), annualRate: Rate(parsing: "9%")!, installmentCount: 12,
                      amortization: .interestOnly, disbursementDate: LocalDate(iso: "2026-01-10")!),
        ]
        var result: [LoanTerms] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            var t = templates[i % templates.count]
            t.principal = t.principal + Money(major: Int64(generator.next() % 10_000))
            t.disbursementDate = t.disbursementDate.adding(days: Int(generator.next() % 365))
            result.append(t)
        }
        return (result, "4 built-in products")
    }
}

/// SplitMix64: a small deterministic generator for synthetic data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
