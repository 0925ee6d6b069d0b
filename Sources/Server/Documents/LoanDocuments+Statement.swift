import Documents
import LoanMath
import Rules
import Servicing

extension LoanDocuments {
    /// What is owed on a loan at the end of `day`: principal not repaid, and interest and charges
    /// fallen due and unpaid — the balance column of the statement.
    static func owed(_ state: LoanState, on day: LocalDate) -> Money {
        state.dueItems(on: day).filter { $0.component != .principal }
            .reduce(state.principalOutstanding) { $0 + $1.unpaid }
    }

    /// The statement of `id` for `from`…`to`: the book's statement lines with a running balance.
    /// An instalment falling due debits its interest (its principal is already in the balance).
    public func statement(_ id: String, from: LocalDate, to: LocalDate, issueDate: LocalDate? = nil)
        throws(LoanDocumentError) -> [String: Value]
    {
        let statement: LoanStatement
        do { statement = try book.statement(id, from: from, to: to) } catch {
            if case .loanNotFound = error { throw .loanNotFound(id) }
            throw .servicing(error)
        }
        let closing = try state(id, asOf: to)
        let before = try? state(id, asOf: from.adding(days: -1))
        let zero = Money.zero(closing.currency)
        let opening = before.map { Self.owed($0, on: from.adding(days: -1)) } ?? zero
        var balance = opening, debits = zero, credits = zero
        var rows: [Value] = []
        func dueRow(_ line: LoanStatement.Line) -> InstallmentState? {
            closing.installments.first {
                $0.dueDate == line.date && line.credit.isZero && line.debit == $0.principal + $0.interest
                    && line.description.hasPrefix("Instalment \($0.number) due")
            }
        }
        // On one date, what fell due comes before what was paid against it.
        let lines = statement.lines.enumerated().sorted { a, b in
            (a.element.date, dueRow(a.element) == nil ? 1 : 0, a.offset)
                < (b.element.date, dueRow(b.element) == nil ? 1 : 0, b.offset)
        }.map(\.element)
        for line in lines {
            var debit = line.debit, text = line.description
            if let row = dueRow(line) {
                debit = row.interest
                text = "Interest, instalment \(row.number) (instalment of \(line.debit.indianFormatted) due)"
            }
            balance = balance + debit - line.credit
            debits = debits + debit
            credits = credits + line.credit
            rows.append(
                .record([
                    "date": .date(line.date), "description": .string(text), "debit": Value(debit),
                    "credit": Value(line.credit), "balance": Value(balance),
                ]))
        }
        let next = closing.installments.first { $0.dueDate > to && !$0.isSettled }
        return [
            "issue_date": .date(issueDate ?? to), "lender": lender.value, "borrower": Self.borrower(id),
            "loan_account_number": .string(id), "product_name": .string(productName(closing)),
            "sanctioned_amount": Value(closing.sanctioned), "interest_rate": Value(closing.annualRate),
            "disbursement_date": .date(closing.disbursementDate), "period_from": .date(from), "period_to": .date(to),
            "opening_balance": Value(opening), "transactions": .list(rows), "total_debits": Value(debits),
            "total_credits": Value(credits), "closing_balance": Value(balance),
            "principal_outstanding": Value(statement.closing.principalOutstanding),
            "overdue_amount": Value(statement.closing.arrears), "days_past_due": .integer(Int64(statement.closing.daysPastDue)),
            "classification": .string(Self.classification(statement.closing.assetClass)),
            "has_next_due": .bool(next != nil), "next_due_date": .date(next?.dueDate ?? to),
            "next_due_amount": Value(next.map { $0.principalUnpaid + $0.interestUnpaid } ?? zero),
        ]
    }

    /// `Standard`, `SMA-1`, `NPA — doubtful (D2)`.
    static func classification(_ asset: AssetClass) -> String {
        switch asset {
        case .standard: return "Standard"
        case .sma0: return "SMA-0"
        case .sma1: return "SMA-1"
        case .sma2: return "SMA-2"
        case .substandard: return "NPA — sub-standard"
        case .doubtfulD1: return "NPA — doubtful (D1)"
        case .doubtfulD2: return "NPA — doubtful (D2)"
        case .doubtfulD3: return "NPA — doubtful (D3)"
        case .loss: return "NPA — loss"
        }
    }
}
