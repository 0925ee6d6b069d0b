import Foundation
import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

@Suite("Repayments: waterfall, penal charges, idempotency, concurrency, GL (SQLite and PostgreSQL)")
struct RepaymentTests {
    @Test("late payment with penal charges: 24% a year on the overdue EMI after 3 days' grace", arguments: Backend.available)
    func latePaymentWithPenal(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        // Instalment 2 (31 Mar) paid late, on 6 Apr before that day's end.
        try f.dayEnds("L-1", through: date("2026-04-05"))
        let due = try #require(try f.book.state("L-1"))
        // DPD 4, 5, 6 at the day ends of 3, 4 and 5 Apr exceed the grace of 3 days: three daily charges of
        // round(8,884.88 × 24% / 365) = round(5.8421…) = ₹5.84 each.
        #expect(due.charges.map(\.amount) == [rupees("5.84"), rupees("5.84"), rupees("5.84")])
        #expect(due.charges.allSatisfy { $0.kind == .penal && $0.installment == 2 })
        let paid = try f.book.repay("L-1", amount: rupees("8902.40"), on: date("2026-04-06"), reference: "UTR2",
                                    idempotencyKey: "p2")
        #expect(paid.state.charges.allSatisfy { $0.unpaid.isZero })
        #expect(paid.state.installments[1].isSettled)
        #expect(paid.state.advance == rupees("0"))
        try f.dayEnds("L-1", through: date("2026-04-06"))
        #expect(try f.book.state("L-1")?.classification == .standard)
        // The penal charge is income of its own, never interest.
        let penal = try f.sql("SELECT SUM(credit) FROM gl_entry WHERE account = '4100'").first?.int64(0)
        #expect(penal == 1_752)
    }

    @Test("installment-first waterfall on two overdue EMIs; surplus kept as advance", arguments: Backend.available)
    func waterfallAndAdvance(backend: Backend) throws {
        let f = try BookFixture(backend, rules: ServicingRules())
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-03-31"))
        // Instalments 1 (₹1,000.00 interest + ₹7,884.88 principal) and 2 (₹921.15 + ₹7,963.73) are due.
        let outcome = try f.book.repay("L-1", amount: rupees("10000"), on: date("2026-04-01"), reference: "R",
                                       idempotencyKey: "r")
        let s = outcome.state
        #expect(s.installments[0].isSettled)
        #expect(s.installments[1].interestPaid == rupees("921.15"))
        #expect(s.installments[1].principalPaid == rupees("10000") - rupees("8884.88") - rupees("921.15"))
        #expect(s.advance == rupees("0"))
        let more = try f.book.repay("L-1", amount: rupees("9000"), on: date("2026-04-01"), reference: "R2",
                                    idempotencyKey: "r2")
        // The rest of instalment 2 is 8,884.88 × 2 − 10,000 = 7,769.76; ₹1,230.24 is left as advance.
        #expect(more.state.advance == rupees("1230.24"))
    }

    @Test("a repeated payment is recorded once; the same key with another amount is refused", arguments: Backend.available)
    func duplicatePayments(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        let first = try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1",
                                     idempotencyKey: "pay-1")
        let sequence = try f.book.store.lastSequence(loanID: "L-1")
        let again = try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1",
                                     idempotencyKey: "pay-1")
        #expect(again.duplicate && again.events == first.events)
        #expect(try f.book.store.lastSequence(loanID: "L-1") == sequence)
        let other = Result { () throws(ServicingError) in
            try f.book.repay("L-1", amount: rupees("100"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "pay-1")
        }
        guard case .failure(.ledger(.idempotencyConflict)) = other else {
            Issue.record("expected an idempotency conflict, got \(other)")
            return
        }
        #expect(try f.book.store.lastSequence(loanID: "L-1") == sequence)
        let bad = Result { () throws(ServicingError) in
            try f.book.repay("L-1", amount: rupees("0"), on: date("2026-02-28"), reference: "X", idempotencyKey: "pay-2")
        }
        guard case .failure(.invalid(let field, _)) = bad else {
            Issue.record("expected a refusal naming the field, got \(bad)")
            return
        }
        #expect(field == "amount")
    }

    @Test("a payment, prepayment or foreclosure dated before disbursement is refused and writes nothing",
          arguments: Backend.available)
    func beforeDisbursement(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        let sequence = try f.book.store.lastSequence(loanID: "L-1")
        let early = date("2026-01-30")
        let attempts = [
            Result { () throws(ServicingError) in
                try f.book.repay("L-1", amount: rupees("100"), on: early, reference: "E1", idempotencyKey: "e1")
            },
            Result { () throws(ServicingError) in
                try f.book.prepay("L-1", amount: rupees("10000"), on: early, reference: "E2", effect: .reduceTenure,
                                  idempotencyKey: "e2")
            },
            Result { () throws(ServicingError) in
                try f.book.foreclose("L-1", amount: rupees("100000"), on: early, reference: "E3", idempotencyKey: "e3")
            },
        ]
        for attempt in attempts {
            guard case .failure(.invalid("value_date", _)) = attempt else {
                Issue.record("expected a refusal naming value_date, got \(attempt)")
                continue
            }
        }
        #expect(try f.book.store.lastSequence(loanID: "L-1") == sequence)
    }

    @Test("many repayments on one loan at once from separate connections: none lost, none doubled",
          arguments: Backend.available)
    func concurrentRepayments(backend: Backend) async throws {
        let f = try BookFixture(backend, rules: ServicingRules())
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        let database = f.database
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    let book = try BookFixture.open(database, rules: ServicingRules())
                    for n in 0..<10 {
                        try book.repay("L-1", amount: rupees("100"), on: date("2026-02-28"), reference: "W\(worker)-\(n)",
                                       idempotencyKey: "w\(worker)-\(n)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let state = try #require(try f.book.state("L-1"))
        let repayments = try f.book.store.events(loanID: "L-1", after: 0).filter { $0.type == .repayment }
        #expect(repayments.count == 40)
        #expect(state.installments[0].interestPaid + state.installments[0].principalPaid + state.advance == rupees("4000"))
    }

    @Test("every event's GL lines balance; principal account equals principal outstanding", arguments: Backend.available)
    func ledgerBalances(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-08-15"))
        let unbalanced = try f.sql("""
            SELECT sequence FROM gl_entry GROUP BY loan_id, sequence HAVING SUM(debit) <> SUM(credit)
            """)
        #expect(unbalanced.isEmpty)
        let principal = try f.sql("""
            SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '1100'
            """).first?.int64(0)
        let state = try #require(try f.book.state("L-1"))
        #expect(principal == state.principalOutstanding.minorUnits)
        // Replaying the stored events rebuilds the same state the book holds.
        let replayed = try LoanState.replay(try f.book.store.events(loanID: "L-1", after: 0))
        #expect(replayed == state)
        let account = try f.sql("SELECT principal_outstanding, asset_class, provision FROM loan_account").first
        #expect(account?.int64(0) == state.principalOutstanding.minorUnits)
        #expect(account?.text(1) == state.classification.assetClass.rawValue)
        #expect(account?.int64(2) == state.provision.minorUnits)
    }
}

@Suite("Foreclosure: quote as of a date, payoff and closure (SQLite and PostgreSQL)")
struct ForeclosureTests {
    @Test("quote on 15 Mar after instalment 1: principal + 15 of the period's 31 days of interest", arguments: Backend.available)
    func quoteAndForeclose(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-03-14"))
        let state = try #require(try f.book.state("L-1"))
        let quote = state.foreclosureQuote(on: date("2026-03-15"))
        // Principal 1,00,000 − 7,884.88. Instalment 2's interest ₹921.15 over (28 Feb, 31 Mar], 31 days;
        // through 15 Mar is 15 days: ⌊92,115 paise × 15 / 31⌋ = 44,571 paise.
        #expect(quote.principal == rupees("92115.12"))
        #expect(quote.interestAccrued == rupees("445.71"))
        #expect(quote.interestDue == rupees("0") && quote.charges == rupees("0"))
        #expect(quote.total == rupees("92560.83"))
        let short = Result { () throws(ServicingError) in
            try f.book.foreclose("L-1", amount: rupees("92560.82"), on: date("2026-03-15"), reference: "FC", idempotencyKey: "fc")
        }
        guard case .failure(.invalid(let field, _)) = short else {
            Issue.record("expected a refusal, got \(short)")
            return
        }
        #expect(field == "amount")
        let done = try f.book.foreclose("L-1", amount: rupees("92560.83"), on: date("2026-03-15"), reference: "FC",
                                        idempotencyKey: "fc")
        #expect(done.state.status == .closed && done.state.principalOutstanding == rupees("0"))
        #expect(done.state.installments[1].interest == rupees("445.71"))
        #expect(done.state.installments[2...].allSatisfy { $0.interest == rupees("0") && $0.isSettled })
        // The loan's receivables are all cleared; the bank holds what came back less what went out.
        for account in ["1100", "1200", "1210"] {
            let balance = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '\(account)'").first?.int64(0)
            #expect(balance == 0, "\(account)")
        }
        let income = try f.sql("SELECT SUM(credit) - SUM(debit) FROM gl_entry WHERE account = '4000'").first
        let interestIncome: Int64 = 100_000 + 44_571  // ₹1,000.00 for period 1 and ₹445.71 for 15 days
        #expect(income?.int64(0) == interestIncome)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
        // A closed loan's day end is not run.
        let report = try f.book.runDayEnd(through: date("2026-03-20"))
        #expect(report.loans == 0)
        // The NOC, once; documents back within 30 days.
        let noc = try f.book.issueNOC("L-1", on: date("2026-03-16"), idempotencyKey: "noc")
        #expect(noc.state.nocNumber == "NOC-L-1" && noc.state.closureReason == "foreclosed")
        #expect(noc.events.first?.payload.contains(#""documents_return_by":"2026-04-15""#) == true)
        let twice = Result { () throws(ServicingError) in try f.book.issueNOC("L-1", on: date("2026-03-17"), idempotencyKey: "noc2") }
        guard case .failure(.invalid) = twice else {
            Issue.record("expected a refusal, got \(twice)")
            return
        }
    }
}

@Suite("Part-prepayment: reduce the instalment or the tenure (SQLite and PostgreSQL)")
struct PrepaymentTests {
    /// ₹30,000 prepaid on 15 Mar, after instalment 1: the balance falls from ₹92,115.12 to ₹62,115.12.
    /// Instalment 2's period (28 Feb, 31 Mar] has 31 days; 14 ran on the old balance:
    /// ⌊92,115 paise × 14 / 31⌋ = ₹416.00; the other 17 on the new one: the new balance's month of interest, 62,115.12 × 1% = ₹621.15, × 17/31
    /// = 340.6306 → ₹340.63.
    func prepaid(_ backend: Backend, _ effect: PrepaymentEffect) throws -> (BookFixture, LoanBook.Outcome) {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "UTR1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-03-14"))
        let outcome = try f.book.prepay("L-1", amount: rupees("30000"), on: date("2026-03-15"), reference: "PP1",
                                        effect: effect, idempotencyKey: "pp1")
        return (f, outcome)
    }

    @Test("reduce the instalment: 11 instalments of 62,115.12 × 0.01 / (1 − 1.01⁻¹¹) = ₹5,991.26", arguments: Backend.available)
    func reduceInstallment(backend: Backend) throws {
        let (f, outcome) = try prepaid(backend, .reduceInstallment)
        let rows = outcome.state.installments
        #expect(rows.count == 12)
        #expect(outcome.state.principalOutstanding == rupees("62115.12"))
        #expect(rows[1].interest == rupees("756.63"), "\(rows[1])")
        #expect(rows[1].principal == rupees("5370.11"))
        #expect(rows[2].principal + rows[2].interest == rupees("5991.26"))
        #expect(rows.last?.dueDate == date("2027-01-31"))
        try f.dayEnds("L-1", through: date("2026-03-31"))
        // Period 1's ₹1,000.00 and period 2's ₹756.63, accrued day by day, exactly.
        #expect(try f.book.state("L-1")?.interestRecognised == rupees("1756.63"))
        try checkBooks(f)
    }

    @Test("reduce the tenure: 8 instalments of ₹8,117.84 (7 would need more than ₹8,884.88)", arguments: Backend.available)
    func reduceTenure(backend: Backend) throws {
        let (f, outcome) = try prepaid(backend, .reduceTenure)
        let rows = outcome.state.installments
        #expect(rows.count == 1 + 8)
        #expect(rows.last?.dueDate == date("2026-10-31"))
        #expect(rows[2].principal + rows[2].interest == rupees("8117.84"))
        #expect(rows[1...].reduce(rupees("0")) { $0 + $1.principal } == rupees("62115.12"))
        try f.dayEnds("L-1", through: date("2026-03-31"))
        try checkBooks(f)
    }

    func checkBooks(_ f: BookFixture) throws {
        let state = try #require(try f.book.state("L-1"))
        let principal = try f.sql("SELECT SUM(debit) - SUM(credit) FROM gl_entry WHERE account = '1100'")
            .first?.int64(0)
        #expect(principal == state.principalOutstanding.minorUnits)
        #expect(try LoanState.replay(try f.book.store.events(loanID: "L-1", after: 0)) == state)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }
}

@Suite("NACH bounce and re-presentation (SQLite and PostgreSQL)")
struct BounceTests {
    @Test("instalment 2's debit bounces on 31 Mar: ₹500 + 18% GST charged; re-presented on 3 Apr and cleared",
          arguments: Backend.available)
    func bounceAndRePresent(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking(), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-27"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-02-28"), reference: "NACH-1", idempotencyKey: "p1")
        try f.dayEnds("L-1", through: date("2026-03-30"))
        let bounced = try f.book.bounce("L-1", installment: 2, on: date("2026-03-31"), reference: "NACH-2",
                                        reason: "insufficient funds", idempotencyKey: "b1")
        #expect(bounced.events.map(\.type) == [.bounce, .charge])
        // The fee schedule's personal-loan bounce charge ₹500 with GST 18% = ₹590.
        #expect(bounced.state.charges.map(\.amount) == [rupees("590")])
        try f.dayEnds("L-1", through: date("2026-04-02"))
        #expect(try f.book.state("L-1")?.classification.assetClass == .sma0)
        try f.book.rePresent("L-1", installment: 2, on: date("2026-04-03"), reference: "NACH-2R", idempotencyKey: "rp1")
        // The re-presented debit clears for the instalment and the bounce charge; penal is not yet due (DPD 3 = grace).
        let cleared = try f.book.repay("L-1", amount: rupees("9474.88"), on: date("2026-04-03"), reference: "NACH-2R",
                                       idempotencyKey: "p2")
        #expect(cleared.state.installments[1].isSettled && cleared.state.charges.allSatisfy { $0.unpaid.isZero })
        #expect(cleared.state.advance == rupees("0"))
        let gst = try f.sql("SELECT SUM(credit) - SUM(debit) FROM gl_entry WHERE account = '2100'").first?.int64(0)
        #expect(gst == 9_000)
        let fee = try f.sql("SELECT SUM(credit) - SUM(debit) FROM gl_entry WHERE account = '4200'").first?.int64(0)
        #expect(fee == 50_000)
        try f.dayEnds("L-1", through: date("2026-04-03"))
        #expect(try f.book.state("L-1")?.classification == .standard)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
        let unknown = Result { () throws(ServicingError) in
            try f.book.bounce("L-1", installment: 40, on: date("2026-04-04"), reference: "X", reason: "r", idempotencyKey: "b2")
        }
        guard case .failure(.invalid(let field, _)) = unknown else {
            Issue.record("expected a refusal, got \(unknown)")
            return
        }
        #expect(field == "installment")
    }
}
