import LoanMath

/// A product as labelled facts in a product team's words ("default rate" → "14%"), for diffs.
enum ProductFacts {
    static func facts(_ p: ProductDefinition) -> [(label: String, value: String)] {
        var facts: [(String, String)] = [
            ("name", p.name), ("category", p.category.rawValue), ("secured", p.secured ? "yes" : "no"),
            ("rate type", p.rateType.rawValue),
            ("minimum principal", p.limits.principal.min.value.indianFormatted),
            ("maximum principal", p.limits.principal.max.value.indianFormatted),
            ("minimum tenure", "\(p.limits.tenure.min.value)"), ("maximum tenure", "\(p.limits.tenure.max.value)"),
            ("minimum rate", p.limits.rate.min.value.percentString), ("maximum rate", p.limits.rate.max.value.percentString),
        ]
        if let floating = p.floating {
            facts += [("benchmark", floating.benchmark), ("spread", floating.spread.value.percentString),
                      ("reset", "every \(floating.resetMonths) months")]
        }
        if let calendar = p.calendar { facts.append(("calendar", calendar.value)) }
        facts += defaults(p.defaults)
        return facts
    }

    static func defaults(_ d: TermsLayer) -> [(String, String)] {
        var facts: [(String, String)] = []
        func add(_ label: String, _ value: String?) { if let value { facts.append(("default " + label, value)) } }
        add("principal", d.principal?.value.indianFormatted)
        add("rate", d.rate?.value.percentString)
        add("tenure", d.tenure.map { "\($0.value)" })
        add("frequency", d.frequency?.value.rawValue)
        add("interest method", d.method?.value.rawValue)
        add("amortization", d.amortization?.value.word)
        add("balloon", d.balloon?.value.indianFormatted)
        add("step", d.step.map { "every \($0.value.every), \($0.value.change.percentString)" })
        add("day count", d.dayCount?.value.rawValue)
        add("principal moratorium", d.moratoriumPrincipal.map { "\($0.value) instalments" })
        add("interest moratorium", d.moratoriumInterest.map { "\($0.value) instalments" })
        add("deferred interest", d.deferredInterest?.value.rawValue)
        add("instalment rounding", d.roundingInstallment?.value.name)
        add("rounding mode", d.roundingMode?.value.rawValue)
        add("interest rounding", d.roundingInterest?.value.rawValue)
        add("last instalment", d.roundingLastInstallment?.value.rawValue)
        for fee in d.fees?.value ?? [] {
            facts.append(("\(fee.name.value) fee", describe(fee)))
        }
        return facts
    }

    /// `2% (min ₹1,000.00, max ₹10,000.00) + GST 18%` or `₹160.00 to a third party`.
    static func describe(_ fee: FeeSpec) -> String {
        var text: String
        switch fee.charge {
        case .amount(let amount): text = amount.value.indianFormatted
        case .percentage(let rate, let min, let max):
            text = rate.value.percentString
            let bounds = [min.map { "min " + $0.value.indianFormatted }, max.map { "max " + $0.value.indianFormatted }]
                .compactMap { $0 }
            if !bounds.isEmpty { text += " (" + bounds.joined(separator: ", ") + ")" }
        }
        if let gst = fee.gst { text += " + GST \(gst.value.percentString)" }
        if fee.payee == .thirdParty { text += " to a third party" }
        return text
    }
}
