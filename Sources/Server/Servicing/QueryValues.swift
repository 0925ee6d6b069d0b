import LoanMath

/// Query parameters read strictly, each error naming its parameter.
extension APICall {
    func date(_ name: String, required: Bool) throws(Problem) -> LocalDate? {
        guard let text = query[name] else {
            if required { throw Problem.invalid(name, "is required") }
            return nil
        }
        guard let day = APIText.date(text) else { throw Problem.invalid(name, "must be a date YYYY-MM-DD") }
        return day
    }

    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(Problem) -> Int {
        guard let text = query[name] else { return fallback }
        guard let value = Int(text), text.allSatisfy(\.isASCIIDigit), range.contains(value) else {
            throw Problem.invalid(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A text parameter of at most `maxLength` characters.
    func text(_ name: String, maxLength: Int = 64) throws(Problem) -> String? {
        guard let value = query[name] else { return nil }
        guard (1...maxLength).contains(value.count) else {
            throw Problem.invalid(name, "must be 1 to \(maxLength) characters")
        }
        return value
    }

    /// The loan id of the path, within the ledger's limit.
    var loanID: String { parameter("id") }
}
