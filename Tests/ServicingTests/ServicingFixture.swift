import Catalog
import Foundation
import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

/// The shipped configuration tree, compiled once for the suite.
let shippedCatalog: Catalog = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    switch CatalogCompiler.load(directory: root) {
    case .success(let catalog): return catalog
    case .failure(let error): fatalError("the shipped catalog does not compile: \(error)")
    }
}()

func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }
func rupees(_ text: String) -> Money { Money(parsing: text)! }

/// RBI's KFS illustration loan: ₹1,00,000 at 12% over 12 monthly instalments, disbursed 31 Jan so
/// that instalment 1 falls due 28 Feb and instalment 2 on 31 Mar (the day-end example's date).
/// EMI by the textbook formula: 100000 × 0.01 / (1 − 1.01⁻¹²) = 8,884.8788 → ₹8,884.88.
func rbiBooking(_ loanID: String = "L-1") throws -> LoanBooking {
    let terms = LoanTerms(principal: rupees("100000"), annualRate: Rate(parsing: "12%")!, installmentCount: 12,
                          disbursementDate: date("2026-01-31"))
    return LoanBooking(loanID: loanID, product: "personal-loan", schedule: try ScheduleEngine.schedule(for: terms),
                       securityValue: rupees("0"))
}

/// The servicing rules with the shipped penal-charge policy (retail, individual: 24% a year on the
/// overdue instalment, 3 days' grace, capped at 6% of the instalment).
let shippedRules = ServicingRules(catalog: shippedCatalog)

/// A book on a fresh database of `backend`; recorded times tick by one microsecond per command.
final class BookFixture {
    let database: ScratchDatabase
    let book: LoanBook

    init(_ backend: Backend, rules: ServicingRules = shippedRules) throws {
        database = try ScratchDatabase(backend)
        book = try Self.open(database, rules: rules)
    }

    static func open(_ database: ScratchDatabase, rules: ServicingRules = shippedRules) throws -> LoanBook {
        LoanBook(store: try database.open(), rules: rules, catalogVersion: "test") { 1_780_000_000_000_000 }
    }

    deinit { database.remove() }

    /// Runs the loan's day ends from its next one through `last`.
    func dayEnds(_ loanID: String, through last: LocalDate) throws {
        var day = try book.state(loanID)!.nextDayEnd
        while day <= last {
            try book.dayEnd(loanID, on: day)
            day = day.adding(days: 1)
        }
    }

    func sql(_ text: String) throws -> [SQLRow] { try book.store.read(text, []) }
}

/// What the book-wide day end tests compare, read from the database.
extension BookFixture {
    /// Each of `loans` as the store holds it, replayed from its events by a new book (not the
    /// writing book's memory).
    func stored(_ loans: [String]) throws -> [(id: String, state: LoanState)] {
        let book = try BookFixture.open(database)
        return try loans.map { id in (id, try #require(try book.state(id))) }
    }

    /// Loan-dates with more than one day end (each accrues the day once): none may exist.
    func repeatedDayEnds() throws -> [String] {
        try sql("""
            SELECT loan_id, idempotency_key FROM loan_event WHERE event_type = 'accrual'
            GROUP BY loan_id, idempotency_key HAVING COUNT(*) > 1
            """).map { "\($0.text(0)) \($0.text(1))" }
    }

    /// Debits and credits by loan and account, a line each: two books posted alike give the same lines.
    func glByLoanAndAccount() throws -> [String] {
        try sql("SELECT loan_id, account, SUM(debit), SUM(credit) FROM gl_entry GROUP BY loan_id, account ORDER BY 1, 2")
            .map { "\($0.text(0)) \($0.text(1)) \($0.int64(2)) \($0.int64(3))" }
    }
}
