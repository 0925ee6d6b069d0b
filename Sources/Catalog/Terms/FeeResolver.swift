import LoanMath

/// Works out upfront fees in rupees: a percentage fee on the principal, kept within its bounds;
/// GST on each fee; all rounded half-up to the paisa.
struct FeeResolver {
    let log: DiagnosticLog

    /// The fees for a loan of `principal`; `nil` when they leave nothing to disburse (reported).
    func fees(_ specs: Located<[FeeSpec]>?, principal: Located<Money>) -> [UpfrontFee]? {
        guard let specs else { return [] }
        let fees = specs.value.map { fee($0, principal: principal.value) }
        let total = fees.reduce(Money.zero(principal.value.currency)) { $0 + $1.total }
        guard total < principal.value else {
            log.error("upfront fees with GST come to \(total.groupedRupees), which leaves nothing to disburse from "
                      + "the principal \(principal.value.groupedRupees)", at: specs)
            return nil
        }
        return fees
    }

    /// One fee with its GST.
    func fee(_ spec: FeeSpec, principal: Money) -> UpfrontFee {
        let amount = FeeResolver.amount(spec.charge, principal: principal)
        let gst = spec.gst.map { $0.value.of(amount, .halfUp) }
        return UpfrontFee(name: spec.name.value, amount: amount, payee: spec.payee, gst: gst)
    }

    /// The fee before GST: the fixed amount, or the percentage of `principal` within its bounds.
    static func amount(_ charge: FeeSpec.Charge, principal: Money) -> Money {
        switch charge {
        case .amount(let amount):
            return amount.value
        case .percentage(let rate, let min, let max):
            var amount = rate.value.of(principal, .halfUp)
            if let min { amount = Money.max(amount, min.value) }
            if let max { amount = Money.min(amount, max.value) }
            return amount
        }
    }
}
