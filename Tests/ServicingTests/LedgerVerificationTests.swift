import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

/// `lendline ledger verify` names every stored row that differs from the rebuild, whatever size
/// of chunk the book is taken in: rows changed or missing, and rows of loans that have no events,
/// before the first loan, between two and after the last.
@Suite("Ledger verification by chunks (SQLite and PostgreSQL)")
struct LedgerVerificationTests {
    @Test("tampered, missing and stray rows are named the same with chunks of 1, 2 and 1,000 loans",
          arguments: Backend.available)
    func tamperedRows(backend: Backend) throws {
        let f = try BookFixture(backend)
        let ids = ["L-1", "L-2", "L-3", "L-4", "L-5"]
        for id in ids {
            try f.book.activate(try rbiBooking(id), idempotencyKey: "book")
            try f.dayEnds(id, through: date("2026-03-05"))
        }
        for chunk in [1, 2, 1_000] { #expect(try LedgerVerification.verify(f.book.store, chunk: chunk).differences.isEmpty) }
        let format = LoanCheckpoint.format
        // L-4's first GL line (its disbursement's), deleted below.
        let firstLine = try #require(try f.sql("SELECT sequence, line FROM gl_entry WHERE loan_id = 'L-4' ORDER BY sequence, line").first)
        let missing = "L-4/\(firstLine.int64(0))/\(firstLine.int64(1))"
        for sql in [
            "UPDATE loan_account SET dpd = 99 WHERE loan_id = 'L-2'",
            "UPDATE schedule_line SET principal_paid = principal_paid + 1 WHERE loan_id = 'L-5' AND installment = 3",
            "DELETE FROM gl_entry WHERE loan_id = 'L-4' AND sequence = \(firstLine.int64(0)) AND line = \(firstLine.int64(1))",
            // Rows of loans with no events: before the first id, between L-3 and L-4, after the last.
            "INSERT INTO gl_entry (loan_id, sequence, line, value_date, account, debit, credit) VALUES ('A-0', 1, 1, '2026-01-01', '1000', 5, 0)",
            "INSERT INTO gl_entry (loan_id, sequence, line, value_date, account, debit, credit) VALUES ('L-3a', 1, 1, '2026-01-01', '1000', 5, 0)",
            "INSERT INTO gl_entry (loan_id, sequence, line, value_date, account, debit, credit) VALUES ('Z-9', 1, 1, '2026-01-01', '1000', 5, 0)",
            "INSERT INTO loan_checkpoint (loan_id, sequence, format, state) VALUES ('L-2x', 3, \(format), 'stray')",
        ] { _ = try f.sql(sql) }
        let expected = [
            ("loan_checkpoint", "L-2x"), ("loan_account", "L-2"), ("schedule_line", "L-5/3"), ("gl_entry", "A-0/1/1"),
            ("gl_entry", "L-3a/1/1"), ("gl_entry", missing), ("gl_entry", "Z-9/1/1"),
        ].map { "\($0.0) \($0.1)" }
        let whole = try LedgerVerification.verify(f.book.store, chunk: 1_000)
        #expect(whole.loans == 5)
        #expect(whole.differences.map { "\($0.table) \($0.key)" } == expected)
        for chunk in [1, 2] {
            let chunked = try LedgerVerification.verify(f.book.store, chunk: chunk)
            #expect(chunked.differences == whole.differences, "chunk \(chunk)")
            #expect(chunked.events == whole.events, "chunk \(chunk)")
        }
        // What each side holds: the changed value, and nothing where a row should not be or is missing.
        let byKey = Dictionary(whole.differences.map { ("\($0.table) \($0.key)", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["loan_account L-2"]?.stored?.contains("dpd=99") == true)
        #expect(byKey["loan_account L-2"]?.rebuilt?.contains("dpd=99") == false)
        #expect(byKey["loan_checkpoint L-2x"]?.rebuilt == nil)
        #expect(byKey["gl_entry A-0/1/1"]?.rebuilt == nil && byKey["gl_entry Z-9/1/1"]?.rebuilt == nil)
        #expect(byKey["gl_entry \(missing)"]?.stored == nil)
        #expect(byKey["gl_entry \(missing)"]?.rebuilt?.contains("line=\(firstLine.int64(1))") == true)
    }
}
