import LoanMath
import Rules

/// The figures of a `kfs` document computed from a loan's schedule: amounts, fees, APR and the
/// repayment rows. The caller adds the lender, the borrower, the proposal and Part 2 fields.
public enum KeyFactsFigures {
    /// `kfs` fields taken from `schedule` (and its terms' upfront fees), by field name.
    public static func fields(_ schedule: Schedule) -> [String: Value] {
        let terms = schedule.terms
        let facts = KeyFacts(schedule: schedule)
        let apr = facts.annualPercentageRate
        return [
            "sanctioned_amount": Value(facts.sanctionedAmount),
            "disbursement_date": .date(terms.disbursementDate),
            "installment_count": .integer(Int64(facts.installmentCount)),
            "installment_amount": Value(facts.installmentAmount),
            "first_due_date": .date(schedule.rows.first?.dueDate ?? terms.disbursementDate),
            "interest_rate": Value(terms.annualRate),
            "fees": .list(terms.fees.map(fee)),
            "fees_to_lender": Value(facts.feesToLender),
            "fees_to_third_parties": Value(facts.feesToThirdParties),
            "net_disbursed": Value(facts.netDisbursedAmount),
            "total_interest": Value(facts.totalInterest),
            "total_payable": Value(facts.totalPayable),
            // KeyFacts gives the APR in percent (17.83); a rate value is the fraction (0.1783).
            "apr": .rate(ExactDecimal(significand: apr.significand, scale: apr.scale + 2)),
            "schedule": .list(schedule.rows.map(installment)),
        ]
    }

    static func fee(_ fee: UpfrontFee) -> Value {
        .record([
            "name": .string(fee.name), "payee": .string(fee.payee == .lender ? "lender" : "third_party"),
            "recurring": .bool(false), "amount": Value(fee.amount), "gst": Value(fee.gst), "total": Value(fee.total),
        ])
    }

    static func installment(_ row: ScheduleRow) -> Value {
        .record([
            "number": .integer(Int64(row.number)), "due_date": .date(row.dueDate),
            "opening_balance": Value(row.openingBalance), "principal": Value(row.principal),
            "interest": Value(row.interest), "installment": Value(row.total),
            "closing_balance": Value(row.closingBalance),
        ])
    }
}
