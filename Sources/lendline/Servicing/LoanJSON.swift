import Foundation
import LoanMath
import Servicing

/// A loan as JSON for people and scripts: balances, classification, and the schedule with each
/// row's standing (paid, overdue, due, upcoming) at the end of a date.
enum LoanJSON {
    static func text(_ s: LoanState, on date: LocalDate) throws -> String {
        func amount(_ m: Money) -> String { m.decimalString }
        let rows: [[String: Any]] = s.installments.map { row in
            let standing = row.isSettled ? "paid" : row.dueDate < date ? "overdue" : row.dueDate == date ? "due" : "upcoming"
            return ["installment": row.number, "due_date": row.dueDate.iso, "principal": amount(row.principal),
                    "interest": amount(row.interest), "principal_paid": amount(row.principalPaid),
                    "interest_paid": amount(row.interestPaid), "status": standing]
        }
        let object: [String: Any] = [
            "loan_id": s.loanID, "product": s.product, "status": s.status.rawValue, "as_of": date.iso,
            "currency": s.currency.code, "principal": amount(s.principal),
            "sanctioned": amount(s.sanctioned), "undisbursed": amount(s.undisbursed), "tranches": s.tranches,
            "principal_outstanding": amount(s.principalOutstanding), "arrears": amount(s.arrears(on: date)),
            "interest_recognised": amount(s.interestRecognised), "interest_suspended": amount(s.interestSuspended),
            "advance": amount(s.advance), "days_past_due": s.daysPastDue,
            "asset_class": s.classification.assetClass.rawValue, "npa_since": s.classification.npaSince.map { $0.iso as Any } ?? NSNull(),
            "provision": amount(s.provision), "last_day_end": s.lastDayEnd.map { $0.iso as Any } ?? NSNull(),
            "charges": s.charges.map { ["kind": $0.kind.rawValue, "installment": $0.installment, "date": $0.dueDate.iso,
                                        "amount": amount($0.amount), "paid": amount($0.paid)] as [String: Any] },
            "schedule": rows,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
