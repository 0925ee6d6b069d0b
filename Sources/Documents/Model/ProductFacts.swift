import LoanMath

/// What documents show about the loan's product beyond its terms: its name, and for a floating
/// rate the benchmark it follows. Filled from the product file by the caller.
public struct ProductFacts: Sendable, Hashable {
    public var name: String
    public var floating: Floating?

    /// A floating rate's link: the external benchmark, the spread over it and the reset period.
    public struct Floating: Sendable, Hashable {
        public var benchmark: String
        public var spread: Rate
        public var resetMonths: Int

        public init(benchmark: String, spread: Rate, resetMonths: Int) {
            self.benchmark = benchmark
            self.spread = spread
            self.resetMonths = resetMonths
        }
    }

    public init(name: String, floating: Floating? = nil) {
        self.name = name
        self.floating = floating
    }
}
