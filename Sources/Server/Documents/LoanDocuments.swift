import Catalog
import Documents
import Foundation
import Ledger
import LoanMath
import Rules
import Servicing

/// The documents of a booked loan — NOC, statement, KFS and summary box of its booked terms — as
/// the data their templates read, from the loan book and the catalog the loan was booked under.
public struct LoanDocuments {
    public let book: LoanBook
    public let catalog: Catalog
    public let lender: LenderProfile

    /// The documents served for a loan, by template name.
    public static let names = ["kfs", "noc", "statement", "summary-box"]

    public init(book: LoanBook, catalog: Catalog, lender: LenderProfile) {
        self.book = book
        self.catalog = catalog
        self.lender = lender
    }

    /// Until origination keeps parties, a loan's documents name its borrower by the loan account.
    static func borrower(_ id: String) -> Value {
        .record(["name": .string("Borrower, loan account \(id)"), "address": .string(""), "customer_id": .string("")])
    }

    func state(_ id: String, asOf day: LocalDate? = nil) throws(LoanDocumentError) -> LoanState {
        let found: LoanState?
        do {
            if let day { found = try book.state(id, asOf: day) } else { found = try book.state(id) }
        } catch { throw .servicing(error) }
        guard let found else { throw .loanNotFound(id) }
        return found
    }

    func events(_ id: String) throws(LoanDocumentError) -> [LoanEvent] {
        do { return try book.store.events(loanID: id, after: 0) } catch { throw .servicing(.storage("\(error)")) }
    }

    func productName(_ state: LoanState) -> String { catalog.product(state.product)?.name ?? state.product }

    /// The NOC of a closed loan, issued on `issueDate` (the closure date when not given).
    public func noc(_ id: String, issueDate: LocalDate? = nil, borrower: Value? = nil) throws(LoanDocumentError)
        -> [String: Value]
    {
        let state = try state(id)
        guard state.status == .closed || state.status == .settled else {
            throw .notApplicable("loan \(id) is \(state.status.rawValue): an NOC is issued only on closure")
        }
        let events = try events(id)
        let closing = events.last { [.closure, .settlement, .foreclosureCompleted].contains($0.type) }
        let closed = closing?.valueDate ?? state.lastDayEnd ?? state.disbursementDate
        let paid: Money
        do { paid = try book.statement(id, from: state.disbursementDate, to: closed).totalPaid } catch {
            throw .servicing(error)
        }
        let reason: String =
            state.status == .settled ? "settled" : state.closureReason == "foreclosed" ? "foreclosed" : "repaid"
        return [
            "reference_number": .string(state.nocNumber ?? "NOC/\(id)"), "issue_date": .date(issueDate ?? closed),
            "lender": lender.value, "borrower": borrower ?? Self.borrower(id), "co_borrowers": .list([]),
            "loan_account_number": .string(id), "product_name": .string(productName(state)),
            "sanctioned_amount": Value(state.sanctioned), "disbursement_date": .date(state.disbursementDate),
            "closure_date": .date(closed), "closure_reason": .string(reason), "total_repaid": Value(paid),
            "secured": .bool(!state.securityValue.isZero),
            "security_description": .string("the security held for this loan under the loan agreement"),
            "documents_return_by": .date(closed.adding(days: 30)),
        ]
    }
}
