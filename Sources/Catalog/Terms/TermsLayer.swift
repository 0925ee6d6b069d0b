import LoanMath

/// One layer of loan terms as written (product defaults, a terms file, or command-line flags):
/// every value optional and located where it was written. Layers are merged, later over earlier;
/// a layer that states `amortization` brings its own `balloon` and `step` (those below are dropped),
/// and one that states `fees` replaces the whole list.
public struct TermsLayer: Sendable, Hashable {
    public var principal: Located<Money>?
    /// Nominal annual rate.
    public var rate: Located<Rate>?
    /// Number of instalments.
    public var tenure: Located<Int>?
    public var frequency: Located<Frequency>?
    public var method: Located<InterestMethod>?
    public var amortization: Located<AmortizationKind>?
    public var balloon: Located<Money>?
    /// Step-up figures, located at the `step` key.
    public var step: Located<StepFigures>?
    public var dayCount: Located<DayCount>?
    public var disbursementDate: Located<LocalDate>?
    public var firstDueDate: Located<LocalDate>?
    public var moratoriumPrincipal: Located<Int>?
    public var moratoriumInterest: Located<Int>?
    public var deferredInterest: Located<DeferredInterestTreatment>?
    public var roundingInstallment: Located<RoundingUnit>?
    public var roundingMode: Located<RoundingMode>?
    public var roundingInterest: Located<RoundingMode>?
    public var roundingLastInstallment: Located<LastInstallment>?
    /// The upfront fees.
    public var fees: Located<[FeeSpec]>?
    /// Top-level keys the layer's source wrote, valid or not (a key with a bad value is not "missing").
    var statedKeys: Set<String> = []

    public init() {}

    /// This layer with every value that `upper` states taken from `upper`.
    public func overlaid(by upper: TermsLayer) -> TermsLayer {
        var merged = self
        merged.principal = upper.principal ?? principal
        merged.rate = upper.rate ?? rate
        merged.tenure = upper.tenure ?? tenure
        merged.frequency = upper.frequency ?? frequency
        merged.method = upper.method ?? method
        merged.amortization = upper.amortization ?? amortization
        merged.balloon = upper.balloon ?? balloon
        merged.step = upper.step ?? step
        merged.dayCount = upper.dayCount ?? dayCount
        merged.disbursementDate = upper.disbursementDate ?? disbursementDate
        merged.firstDueDate = upper.firstDueDate ?? firstDueDate
        merged.moratoriumPrincipal = upper.moratoriumPrincipal ?? moratoriumPrincipal
        merged.moratoriumInterest = upper.moratoriumInterest ?? moratoriumInterest
        merged.deferredInterest = upper.deferredInterest ?? deferredInterest
        merged.roundingInstallment = upper.roundingInstallment ?? roundingInstallment
        merged.roundingMode = upper.roundingMode ?? roundingMode
        merged.roundingInterest = upper.roundingInterest ?? roundingInterest
        merged.roundingLastInstallment = upper.roundingLastInstallment ?? roundingLastInstallment
        merged.fees = upper.fees ?? fees
        let dropped: Set<String> = upper.amortization != nil ? ["balloon", "step"] : []
        merged.statedKeys = statedKeys.subtracting(dropped).union(upper.statedKeys)
        if upper.amortization != nil {
            merged.balloon = upper.balloon
            merged.step = upper.step
        }
        return merged
    }
}

/// How principal is repaid, as a word in a terms file (`balloon` and `step-up` take their figures
/// from `balloon:` and `step:`). The words are LoanMath's `Amortization.name`s.
public enum AmortizationKind: Sendable, Hashable, CaseIterable {
    case equalInstallment, equalPrincipal, interestOnly, balloon, stepUp

    /// The word written in files: `equal-installment`, `balloon`, …
    public var word: String { template.name }

    /// The kind named by `word`, if any.
    public init?(word: String) {
        guard let kind = AmortizationKind.allCases.first(where: { $0.word == word }) else { return nil }
        self = kind
    }

    /// A LoanMath value of this kind (figures of balloon and step-up are placeholders).
    var template: Amortization {
        switch self {
        case .equalInstallment: return .equalInstallment
        case .equalPrincipal: return .equalPrincipal
        case .interestOnly: return .interestOnly
        case .balloon: return .balloon(.zero())
        case .stepUp: return .stepUp(every: 1, change: .zero)
        }
    }
}

/// How a step-up (or step-down) schedule changes its instalment.
public struct StepFigures: Sendable, Hashable {
    /// Instalments between changes.
    public var every: Int
    /// The change each time; negative for a step-down.
    public var change: Rate

    public init(every: Int, change: Rate) {
        self.every = every
        self.change = change
    }
}

/// An upfront fee as written: a fixed amount, or (in a product's defaults) a percentage of the
/// principal with optional bounds; GST optional.
public struct FeeSpec: Sendable, Hashable {
    /// How the fee is worked out.
    public enum Charge: Sendable, Hashable {
        case amount(Located<Money>)
        /// `rate` of the resolved principal, kept within `min` and `max` when given.
        case percentage(rate: Located<Rate>, min: Located<Money>?, max: Located<Money>?)
    }

    public var name: Located<String>
    public var charge: Charge
    public var payee: FeePayee
    /// GST on the fee, e.g. 18%.
    public var gst: Located<Rate>?

    public init(name: Located<String>, charge: Charge, payee: FeePayee = .lender, gst: Located<Rate>? = nil) {
        self.name = name
        self.charge = charge
        self.payee = payee
        self.gst = gst
    }
}
