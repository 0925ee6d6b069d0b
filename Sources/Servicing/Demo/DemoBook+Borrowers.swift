import Ledger
import LoanMath

extension DemoBook {
    /// What the borrower of `plan` does on `day`, before its day end; 1 when the book refused it.
    static func act(_ book: LoanBook, _ plan: Plan, on day: LocalDate) throws(ServicingError) -> Int {
        guard day >= plan.disbursed, let state = try book.state(plan.id), state.status == .active else { return 0 }
        let key = "demo:\(plan.id):\(day.iso)"
        let result = Result { () throws(ServicingError) -> Void in
            switch plan.behaviour {
            case .prompt:
                if plan.dueDates.contains(day) { try payArrears(book, state, on: day, key) }
            case .late(let days):
                if plan.dueDates.contains(day.adding(days: -days)) { try payArrears(book, state, on: day, key) }
            case .stops(let after):
                if let n = plan.dueDates.firstIndex(of: day), n < after { try payArrears(book, state, on: day, key) }
            case .prepays:
                if day == plan.disbursed.adding(days: 45) {
                    let quarter = state.principalOutstanding.minorUnits / 400 * 100
                    let amount = state.arrears(on: day) + Money(minorUnits: quarter, currency: state.currency)
                    try book.prepay(plan.id, amount: amount, on: day, reference: "PRE-\(plan.id)",
                                    effect: .reduceInstallment, idempotencyKey: key)
                } else if plan.dueDates.contains(day) {
                    try payArrears(book, state, on: day, key)
                }
            case .forecloses:
                if day == plan.disbursed.adding(days: 75) {
                    try book.foreclose(plan.id, amount: state.foreclosureQuote(on: day).total, on: day,
                                       reference: "FC-\(plan.id)", idempotencyKey: key)
                } else if plan.dueDates.contains(day) {
                    try payArrears(book, state, on: day, key)
                }
            case .bounces:
                if let n = plan.dueDates.firstIndex(of: day) {
                    try book.bounce(plan.id, installment: state.installments[n].number, on: day, reference: "NACH-\(n + 1)",
                                    reason: "insufficient funds", idempotencyKey: key)
                } else if plan.dueDates.contains(day.adding(days: -5)) {
                    try payArrears(book, state, on: day, key)
                }
            }
        }
        switch result {
        case .success: return 0
        case .failure(.invalid), .failure(.notActive), .failure(.policyFailed): return 1
        case .failure(let error): throw error
        }
    }

    /// Pays everything fallen due (instalments and charges) on `day`.
    static func payArrears(_ book: LoanBook, _ state: LoanState, on day: LocalDate, _ key: String)
        throws(ServicingError) {
        let due = state.arrears(on: day)
        guard due > .zero(state.currency) else { return }
        try book.repay(state.loanID, amount: due, on: day, reference: "UPI-\(state.loanID)-\(day.iso)",
                       idempotencyKey: key)
    }
}
