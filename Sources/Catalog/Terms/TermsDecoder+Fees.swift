import LoanMath

extension TermsDecoder {
    static let feeKeys = Schemas.fee.keys

    /// One fee of a `fees:` list; `nil` (reported) when it cannot be read.
    func decodeFee(_ node: ConfigNode, in list: ConfigEntry) -> FeeSpec? {
        guard let reader = MappingReader(node, owner: list, keys: TermsDecoder.feeKeys, log: log, isListItem: true) else { return nil }
        let name = reader.required("name", .text)
        let payee: Located<FeePayee>? = reader.optional("payee", .word("a fee payee"))
        let gst = reader.optional("gst", .rate())
        let amount = reader.optional("amount", .money)
        let percentage = reader.optional("rate", .rate())
        let min = reader.optional("min", .money), max = reader.optional("max", .money)
        let charge = feeCharge(amount: amount, percentage: percentage, min: min, max: max, reader)
        guard let name, let charge else { return nil }
        return FeeSpec(name: name, charge: charge, payee: payee?.value ?? .lender, gst: gst)
    }

    func feeCharge(amount: Located<Money>?, percentage: Located<Rate>?, min: Located<Money>?, max: Located<Money>?,
                   _ reader: MappingReader) -> FeeSpec.Charge? {
        for bound in [min, max].compactMap({ $0 }) where percentage == nil {
            log.error("`min` and `max` bound a percentage fee; this fee has no `rate`", at: bound)
        }
        switch (amount, percentage) {
        case (let amount?, nil):
            return .amount(amount)
        case (nil, let rate?):
            guard allowsPercentageFees else {
                log.error("a fee as a percentage of the principal is allowed only in a product's defaults; "
                          + "write the fee's `amount` in rupees", at: rate)
                return nil
            }
            if let min, let max, max.value < min.value {
                log.error("the fee's `max` \(max.value.groupedRupees) is below its `min` \(min.value.groupedRupees)", at: max)
            }
            return .percentage(rate: rate, min: min, max: max)
        case (_?, let rate?):
            log.error("a fee has either an `amount` or a `rate`, not both", at: rate)
            return nil
        case (nil, nil):
            if reader.entry("amount") == nil && reader.entry("rate") == nil {
                reader.reportMissing(allowsPercentageFees ? "amount` or `rate" : "amount")
            }
            return nil
        }
    }

    /// Reports a fee named like an earlier one, at the later name.
    func reportDuplicateNames(_ fees: [FeeSpec]) {
        var seen: Set<String> = []
        for fee in fees where !seen.insert(fee.name.value).inserted {
            log.error("there is already a fee named `\(fee.name.value)`", at: fee.name)
        }
    }
}
