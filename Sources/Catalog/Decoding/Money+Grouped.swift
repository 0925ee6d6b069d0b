import LoanMath

extension Money {
    /// The amount grouped the Indian way without the currency sign, for messages: `25,00,000.00`.
    var groupedRupees: String {
        let text = indianFormatted
        let sign = currency == .inr ? "₹" : currency.code + " "
        return text.replacingFirst(sign, with: "")
    }
}

extension String {
    /// This text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return String(self[..<index]) + replacement + String(self[self.index(index, offsetBy: target.count)...])
            }
            index = self.index(after: index)
        }
        return self
    }
}
