import Foundation
import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

/// A seeded book run through most of a year of random payments (full, partial, missed, over-paid),
/// NACH bounces, part-prepayments and day ends, checking the ledger's invariants after every day.
/// Set LENDLINE_SIMULATION_SEED to replay a failing seed.
@Suite("Simulation: a seeded book through a year of payments and day ends (SQLite and PostgreSQL)")
struct SimulationTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["LENDLINE_SIMULATION_SEED"].flatMap { UInt64($0) }
        ?? 20_261_122

    @Test("debits = credits, principal identity and replayed projections hold every day", arguments: Backend.available)
    func simulate(backend: Backend) throws {
        let seed = Self.seed
        var random = SeededGenerator(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let f = try BookFixture(backend)
        let start = date("2026-01-01")
        var ids: [String] = []
        // How each borrower pays: on time, late (when DPD reaches their own threshold), partly, over,
        // or not at all after April.
        var lateAfter: [String: Int] = [:]
        var stopsAfter: [String: LocalDate] = [:]
        try f.book.store.inTransaction {
            for i in 0..<60 {
                let terms = LoanTerms(
                    principal: Money(major: Int64(50_000 + pick(45) * 10_000)), annualRate: Rate(basisPoints: Int64(1_000 + pick(15) * 100)),
                    installmentCount: 6 + pick(19), disbursementDate: start.adding(days: pick(40)))
                let id = "S\(i)"
                try f.book.activate(LoanBooking(loanID: id, product: "personal-loan",
                                                schedule: try ScheduleEngine.schedule(for: terms),
                                                securityValue: Money(major: Int64(pick(3) == 0 ? 200_000 : 0))),
                                    idempotencyKey: "book")
                ids.append(id)
                switch pick(10) {
                case 0..<2: lateAfter[id] = 5 + pick(100)
                case 2: stopsAfter[id] = date("2026-04-01")
                default: break
                }
            }
        }
        var day = start
        let last = date("2026-09-30")
        var payments = 0
        var bounces = 0
        var prepayments = 0
        while day <= last {
            for id in ids {
                guard let s = try f.book.state(id), s.status == .active, s.nextDayEnd == day else { continue }
                let due = s.arrears(on: day)
                if due.isZero, pick(200) == 0, s.principalOutstanding > Money(major: 40_000) {
                    let effect: PrepaymentEffect = pick(2) == 0 ? .reduceTenure : .reduceInstallment
                    try f.book.prepay(id, amount: Money(major: 10_000), on: day, reference: "PP\(payments)", effect: effect,
                                      idempotencyKey: "pp\(payments)")
                    payments += 1
                    prepayments += 1
                    continue
                }
                if let row = s.installments.first(where: { $0.dueDate == day }), !row.isSettled, pick(8) == 0 {
                    try f.book.bounce(id, installment: row.number, on: day, reference: "NACH\(payments)",
                                      reason: "insufficient funds", idempotencyKey: "b\(payments)")
                    payments += 1
                    bounces += 1
                    continue
                }
                guard due > .zero(), day < stopsAfter[id] ?? last.adding(days: 1) else { continue }
                if let threshold = lateAfter[id], s.daysPastDue < threshold { continue }
                let amount: Money
                switch pick(10) {
                case 0..<6: amount = due
                case 6: amount = due.scaled(by: 1, over: 2, .down)
                case 7: amount = due + Money(major: 1_000)
                default: continue
                }
                guard amount > .zero() else { continue }
                try f.book.repay(id, amount: amount, on: day, reference: "P\(payments)", idempotencyKey: "p\(payments)")
                payments += 1
            }
            let report = try f.book.runDayEnd(through: day, batchSize: 25)
            #expect(report.failures.isEmpty, "seed \(seed), \(day.iso): \(report.failures)")
            try checkInvariants(f, on: day, seed: seed)
            if day.day == 1 || day == last {
                let verification = try LedgerVerification.verify(f.book.store)
                #expect(verification.differences.isEmpty, "seed \(seed), \(day.iso): \(verification.differences.prefix(3))")
            }
            day = day.adding(days: 1)
        }
        #expect(payments > 300)
        #expect(bounces > 10 && prepayments > 3, "seed \(seed): \(bounces) bounces, \(prepayments) prepayments")
        let classes = Set(try f.sql("SELECT DISTINCT asset_class FROM classification").map { $0.text(0) })
        #expect(classes.isSuperset(of: ["sma-0", "sma-1", "sma-2", "substandard"]), "seed \(seed): \(classes)")
        let closed = try f.sql("SELECT COUNT(*) FROM loan_account WHERE status = 'closed'").first?.int64(0) ?? 0
        #expect(closed > 0, "seed \(seed): no loan closed")
    }

    func checkInvariants(_ f: BookFixture, on day: LocalDate, seed: UInt64) throws {
        let unbalanced = try f.sql("SELECT loan_id, sequence FROM gl_entry GROUP BY loan_id, sequence HAVING SUM(debit) <> SUM(credit)")
        #expect(unbalanced.isEmpty, "seed \(seed), \(day.iso): unbalanced postings \(unbalanced.prefix(3))")
        // Principal outstanding = disbursed − principal repaid, in the account and in the GL.
        let mismatched = try f.sql("""
            SELECT a.loan_id FROM loan_account a
            LEFT JOIN (SELECT loan_id, SUM(debit) - SUM(credit) AS balance FROM gl_entry
                       WHERE account = '1100' GROUP BY loan_id) g ON g.loan_id = a.loan_id
            WHERE COALESCE(g.balance, 0) <> a.principal_outstanding
            """)
        #expect(mismatched.isEmpty, "seed \(seed), \(day.iso): principal differs from GL for \(mismatched.prefix(3))")
        for id in ["S0", "S5", "S17", "S23", "S42", "S51"] {
            guard let s = try f.book.state(id) else { continue }
            #expect(s.principalOutstanding == s.principal - s.principalRepaid - s.principalWrittenOff,
                    "seed \(seed), \(day.iso), \(id)")
        }
    }
}
