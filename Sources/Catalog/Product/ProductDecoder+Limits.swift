import LoanMath

extension ProductDecoder {
    /// `limits: { principal, tenure, rate }`, each `{ min, max }`, all required.
    func decodeLimits(_ entry: ConfigEntry) -> PartialLimits {
        guard let reader = MappingReader(entry, keys: Schemas.product.object("limits").keys, log: log) else { return PartialLimits() }
        let positiveMoney = ScalarParser<Money>.money.checking({ !$0.isZero }) { _, key in "`\(key)` must be more than zero" }
        let principal = reader.requiredEntry("principal").flatMap { range($0, positiveMoney, show: \.groupedRupees) }
        let tenure = reader.requiredEntry("tenure").flatMap {
            range($0, .integer(TermsDecoder.tenureRange), show: { "\($0)" })
        }
        let rate = reader.requiredEntry("rate").flatMap { range($0, .rate(), show: \.percentString) }
        return PartialLimits(principal: principal, tenure: tenure, rate: rate)
    }

    /// `{ min, max }` with `min <= max` (else reported at `max`).
    func range<Bound>(_ entry: ConfigEntry, _ parser: ScalarParser<Bound>, show: (Bound) -> String) -> LimitRange<Bound>? {
        guard let reader = MappingReader(entry, keys: ["min", "max"], log: log) else { return nil }
        let min = reader.required("min", parser), max = reader.required("max", parser)
        guard let min, let max else { return nil }
        guard min.value <= max.value else {
            log.error("the maximum \(entry.key) \(show(max.value)) is below the minimum \(show(min.value))", at: max)
            return nil
        }
        return LimitRange(min: min, max: max)
    }
}
