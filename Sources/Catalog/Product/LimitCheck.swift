import LoanMath

/// Checks a located value against a product limit, naming the limit and where it is defined.
enum LimitCheck {
    /// Reports `value` (at its own location) when it falls outside `range`.
    static func check<Bound>(_ value: Located<Bound>, against range: LimitRange<Bound>, field: String,
                             show: (Bound) -> String, log: DiagnosticLog) {
        if value.value < range.min.value {
            log.error("\(field) \(show(value.value)) is below the product's minimum \(show(range.min.value)) "
                      + "(\(range.min.location))", at: value)
        } else if value.value > range.max.value {
            log.error("\(field) \(show(value.value)) is above the product's maximum \(show(range.max.value)) "
                      + "(\(range.max.location))", at: value)
        }
    }

    /// Checks whichever of principal, tenure and rate `layer` states against `limits`.
    static func check(_ layer: TermsLayer, against limits: ProductLimits, log: DiagnosticLog) {
        check(layer, against: PartialLimits(principal: limits.principal, tenure: limits.tenure, rate: limits.rate), log: log)
    }

    /// Checks whichever of principal, tenure and rate `layer` states against the limits that were read.
    static func check(_ layer: TermsLayer, against limits: PartialLimits, log: DiagnosticLog) {
        if let principal = layer.principal, let range = limits.principal {
            check(principal, against: range, field: "principal", show: \.groupedRupees, log: log)
        }
        if let tenure = layer.tenure, let range = limits.tenure {
            check(tenure, against: range, field: "tenure", show: { "\($0)" }, log: log)
        }
        if let rate = layer.rate, let range = limits.rate {
            check(rate, against: range, field: "rate", show: \.percentString, log: log)
        }
    }
}

/// Product limits as far as they could be read (a bad range is reported and left out).
struct PartialLimits {
    var principal: LimitRange<Money>?
    var tenure: LimitRange<Int>?
    var rate: LimitRange<Rate>?

    /// All three limits, when all were read.
    var complete: ProductLimits? {
        guard let principal, let tenure, let rate else { return nil }
        return ProductLimits(principal: principal, tenure: tenure, rate: rate)
    }
}
