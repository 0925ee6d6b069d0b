import LoanMath

/// Reads the terms vocabulary (product `defaults:`, terms files, command-line flags) into a
/// `TermsLayer`, reporting every problem into the log.
struct TermsDecoder {
    let log: DiagnosticLog
    /// Whether fees may be a percentage of the principal (only in a product's defaults).
    let allowsPercentageFees: Bool

    /// The keys of the terms vocabulary.
    static let keys = Schemas.terms.keys
    static let tenureRange = 1...ScheduleEngine.maxInstallments
    static let stepChangeRange = Rate(basisPoints: -9_999)...Rate(basisPoints: 10_000)

    /// The layer written in `node`, a mapping (the value of `owner`, or a file's top level).
    func decode(_ node: ConfigNode, owner: ConfigEntry?) -> TermsLayer {
        var layer = TermsLayer()
        guard let reader = MappingReader(node, owner: owner, keys: TermsDecoder.keys, log: log) else { return layer }
        layer.statedKeys = Set(TermsDecoder.keys.filter { reader.entry($0) != nil })
        layer.principal = reader.optional("principal", .money.checking({ !$0.isZero }) { _, key in
            "`\(key)` must be more than zero"
        })
        layer.rate = reader.optional("rate", .rate())
        layer.tenure = reader.optional("tenure", .integer(TermsDecoder.tenureRange))
        layer.frequency = reader.optional("frequency", .word("a frequency"))
        layer.method = reader.optional("method", .word("an interest method"))
        layer.amortization = reader.optional("amortization", .amortization)
        layer.balloon = reader.optional("balloon", .money.checking({ !$0.isZero }) { _, key in
            "`\(key)` must be more than zero"
        })
        layer.dayCount = reader.optional("day_count", .word("a day count"))
        layer.disbursementDate = reader.optional("disbursement_date", .date)
        layer.firstDueDate = reader.optional("first_due_date", .date)
        if let step = reader.entry("step") { decodeStep(step, into: &layer) }
        if let moratorium = reader.entry("moratorium") { decodeMoratorium(moratorium, into: &layer) }
        if let rounding = reader.entry("rounding") { decodeRounding(rounding, into: &layer) }
        if let fees = reader.list("fees") {
            let specs = fees.items.compactMap { decodeFee($0, in: fees.entry) }
            reportDuplicateNames(specs)
            layer.fees = Located(specs, node: fees.entry.value)
        }
        return layer
    }

    func decodeStep(_ entry: ConfigEntry, into layer: inout TermsLayer) {
        guard let reader = MappingReader(entry, keys: Schemas.terms.object("step").keys, log: log) else { return }
        let every = reader.required("every", .integer(TermsDecoder.tenureRange))
        let change = reader.required("change", .rate(TermsDecoder.stepChangeRange))
        guard let every, let change else { return }
        layer.step = Located(StepFigures(every: every.value, change: change.value), at: entry.keyLocation,
                             length: entry.keyLength)
    }

    func decodeMoratorium(_ entry: ConfigEntry, into layer: inout TermsLayer) {
        guard let reader = MappingReader(entry, keys: Schemas.terms.object("moratorium").keys, log: log) else { return }
        let periods = ScalarParser<Int>.integer(0...ScheduleEngine.maxInstallments)
        layer.moratoriumPrincipal = reader.optional("principal", periods)
        layer.moratoriumInterest = reader.optional("interest", periods)
        layer.deferredInterest = reader.optional("deferred_interest", .word("a deferred-interest treatment"))
    }

    func decodeRounding(_ entry: ConfigEntry, into layer: inout TermsLayer) {
        guard let reader = MappingReader(entry, keys: Schemas.terms.object("rounding").keys, log: log) else { return }
        layer.roundingInstallment = reader.optional("installment", .roundingUnit)
        layer.roundingMode = reader.optional("mode", .word("a rounding mode"))
        layer.roundingInterest = reader.optional("interest", .word("a rounding mode"))
        layer.roundingLastInstallment = reader.optional("last_installment", .word("a last-instalment rule"))
    }
}
