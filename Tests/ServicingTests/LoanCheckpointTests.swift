import Ledger
import LedgerTestSupport
import LoanMath
import Testing
@testable import Servicing

/// Loan checkpoints: the state written now and then with the projections so a process loads a
/// loan from it and the events after it. They must give exactly the state the events give.
@Suite("Loan checkpoints (SQLite and PostgreSQL)")
struct LoanCheckpointTests {
    /// Loans in states that set every part of `LoanState`: charges with GST and waivers, an NPA
    /// date, an observation period, a restructure, a write-off, a settlement with its NOC.
    func variedStates(_ f: BookFixture) throws -> [LoanState] {
        for id in ["L-1", "L-2", "L-3", "L-4", "L-5"] { try f.book.activate(try rbiBooking(id), idempotencyKey: "book") }
        // L-1: instalment 2's debit bounced (bounce charge with GST), paid late (penal charge).
        try f.dayEnds("L-1", through: date("2026-03-30"))
        try f.book.repay("L-1", amount: rupees("8884.88"), on: date("2026-03-30"), reference: "U1", idempotencyKey: "p1")
        try f.book.bounce("L-1", installment: 2, on: date("2026-03-31"), reference: "NACH-2", reason: "insufficient funds",
                          idempotencyKey: "b1")
        try f.dayEnds("L-1", through: date("2026-04-10"))
        // L-2: unpaid into NPA (29 Jun is the 91st day past 31 Mar), interest suspended.
        try f.dayEnds("L-2", through: date("2026-07-02"))
        // L-3: restructured (observation period, re-amortised schedule).
        try f.dayEnds("L-3", through: date("2026-04-09"))
        try f.book.restructure("L-3", on: date("2026-04-10"), annualRate: Rate(parsing: "10%")!, installments: 18,
                               reason: "hardship", idempotencyKey: "r3")
        // L-4: written off, then some recovered.
        try f.dayEnds("L-4", through: date("2026-07-02"))
        try f.book.writeOff("L-4", on: date("2026-07-03"), reason: "uncollectable", idempotencyKey: "w4")
        try f.book.recover("L-4", amount: rupees("1234.56"), on: date("2026-07-10"), reference: "REC", idempotencyKey: "rec4")
        // L-5: foreclosed at its quote, NOC issued; L-6: settled.
        try f.dayEnds("L-5", through: date("2026-03-05"))
        let quote = try #require(try f.book.state("L-5")).foreclosureQuote(on: date("2026-03-06")).total
        try f.book.foreclose("L-5", amount: quote, on: date("2026-03-06"), reference: "FC", idempotencyKey: "fc5")
        try f.book.issueNOC("L-5", on: date("2026-03-07"), idempotencyKey: "noc5")
        try f.book.activate(try rbiBooking("L-6"), idempotencyKey: "book")
        try f.dayEnds("L-6", through: date("2026-03-05"))
        try f.book.settle("L-6", amount: rupees("90000"), on: date("2026-03-06"), reference: "OTS", idempotencyKey: "s6")
        return try ["L-1", "L-2", "L-3", "L-4", "L-5", "L-6"].map { try #require(try f.book.state($0)) }
    }

    @Test("a checkpoint reads back as the very state it was written from", arguments: Backend.available)
    func roundTrip(backend: Backend) throws {
        let f = try BookFixture(backend)
        let states = try variedStates(f)
        // The states do exercise the parts a careless encoding would drop.
        #expect(states.contains { !$0.charges.isEmpty && $0.charges.contains { !$0.gst.isZero } })
        #expect(states.contains { $0.classification.npaSince != nil && !$0.interestSuspended.isZero })
        #expect(states.contains { $0.observationUntil != nil && $0.restructures == 1 })
        #expect(states.contains { $0.status == .writtenOff && !$0.recovered.isZero && !$0.principalWrittenOff.isZero })
        #expect(states.contains { $0.nocNumber != nil && $0.closureReason == "foreclosed" })
        #expect(states.contains { $0.status == .settled })
        for state in states {
            let text = LoanCheckpoint.encode(state)
            #expect(LoanCheckpoint.decode(text) == state, "\(state.loanID)")
            // Replayed from every event by a new book, with no checkpoint read: the same state.
            #expect(try LoanState.replay(try f.book.store.events(loanID: state.loanID, after: 0)) == state)
        }
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }

    /// Adding a field to the loan's state without writing it to checkpoints would load loans
    /// without it: this fails first, to say the encoding and its format number need the field.
    @Test("the encoding covers every stored field of a loan's state")
    func everyField() throws {
        let state = try #require(try LoanState.replay(LoanDecisions.activate(try rbiBooking()).enumerated().map { i, event in
            LoanEvent(loanID: "L-1", sequence: Int64(i + 1), type: event.type, valueDate: event.valueDate, recordedAt: 0,
                      idempotencyKey: "book", catalogVersion: "test", payload: event.payload)
        }))
        #expect(Mirror(reflecting: state).children.count == 31)
        // Number, dates, base day, four amounts, accrual base and the currency (the loan's).
        #expect(Mirror(reflecting: state.installments[0]).children.count == 10)
        let charge = ChargeState(kind: .penal, installment: 1, dueDate: date("2026-03-05"), amount: rupees("10"),
                                 paid: rupees("0"), gst: rupees("0"), waived: rupees("0"))
        #expect(Mirror(reflecting: charge).children.count == 7)
        #expect(Mirror(reflecting: state.classification).children.count == 3)
        #expect(LoanCheckpoint.decode(LoanCheckpoint.encode(state)) == state)
    }

    @Test("text that is not a checkpoint of this format, loan and sequence is refused, never misread")
    func refused() throws {
        let events = try LoanDecisions.activate(try rbiBooking()).enumerated().map { i, event in
            LoanEvent(loanID: "L-1", sequence: Int64(i + 1), type: event.type, valueDate: event.valueDate, recordedAt: 0,
                      idempotencyKey: "book", catalogVersion: "test", payload: event.payload)
        }
        let state = try #require(try LoanState.replay(events))
        let text = LoanCheckpoint.encode(state)
        let row = LoanCheckpointRow(sequence: 2, format: LoanCheckpoint.format, state: text)
        #expect(LoanCheckpoint.state(row, loanID: "L-1") == state)
        #expect(LoanCheckpoint.state(row, loanID: "L-2") == nil)
        #expect(LoanCheckpoint.state(LoanCheckpointRow(sequence: 3, format: row.format, state: text), loanID: "L-1") == nil)
        #expect(LoanCheckpoint.state(LoanCheckpointRow(sequence: 2, format: row.format + 1, state: text), loanID: "L-1") == nil)
        // Every truncation, and text with a byte changed into a letter, reads as nothing.
        for cut in [0, 1, 5, text.utf8.count / 2, text.utf8.count - 1] {
            #expect(LoanCheckpoint.decode(String(text.utf8.prefix(cut))!) == nil, "cut at \(cut)")
        }
        #expect(LoanCheckpoint.decode(text + "1,") == nil)
        #expect(LoanCheckpoint.decode(text.replacingOccurrences(of: ",0,", with: ",x,")) == nil)
        // Counts and lengths beyond the text are refused, not allocated.
        #expect(LoanCheckpoint.decode("3:L-1,9:gold-loan,4:test,3:INR,2,1,1,1,1,0,1,7:monthly,10:actual/365,999999999999,") == nil)
        #expect(LoanCheckpoint.decode("99999999:L-1,") == nil)
        #expect(LoanCheckpoint.decode("-5:L-1,") == nil)
        #expect(LoanCheckpoint.decode("3:L-1,9:gold-loan,4:test,3:inr,2,") == nil)
        #expect(LoanCheckpoint.decode("99999999999999999999,") == nil)
    }

    @Test("written at booking and then every few events, spread over the book", arguments: Backend.available)
    func whenWritten(backend: Backend) throws {
        let f = try BookFixture(backend)
        let loans = (1...16).map { "L-\($0)" }
        for id in loans { try f.book.activate(try rbiBooking(id), idempotencyKey: "book") }
        let booked = try f.sql("SELECT loan_id, sequence FROM loan_checkpoint ORDER BY loan_id")
        #expect(booked.count == 16 && booked.allSatisfy { $0.int64(1) == 2 })  // activation and disbursement
        var sequences: Set<Int64> = []
        for day in 1...20 {
            _ = try f.book.runDayEnd(through: date("2026-01-31").adding(days: day), batchSize: 5)
            for row in try f.sql("""
                SELECT c.sequence, a.last_sequence FROM loan_checkpoint c JOIN loan_account a ON a.loan_id = c.loan_id
                """) {
                #expect(row.int64(1) - row.int64(0) < LoanCheckpoint.interval, "day \(day)")
                sequences.insert(row.int64(0))
            }
        }
        // The loans move in step, yet their checkpoints fall on different days.
        #expect(sequences.count > 4)
        #expect(try LedgerVerification.verify(f.book.store).differences.isEmpty)
    }

    @Test("a new process loads each loan from its checkpoint, or from its events when the checkpoint is of no use",
          arguments: Backend.available)
    func loadsAsReplayed(backend: Backend) throws {
        let f = try BookFixture(backend)
        let states = try variedStates(f)
        let ids = states.map(\.loanID)
        // L-2's checkpoint is damaged, L-3's is of another format: both are replayed from the start.
        _ = try f.sql("UPDATE loan_checkpoint SET state = 'damaged' WHERE loan_id = 'L-2'")
        _ = try f.sql("UPDATE loan_checkpoint SET format = 0 WHERE loan_id = 'L-3'")
        let fresh = try BookFixture.open(f.database)
        try fresh.load(ids + ["L-none"], chunk: 2)
        #expect(fresh.cache.count == ids.count)
        for state in states { #expect(fresh.cache[state.loanID] == state, "\(state.loanID)") }
        let one = try BookFixture.open(f.database)
        for state in states { #expect(try one.state(state.loanID) == state, "\(state.loanID)") }
        // Verify names the damaged checkpoint and passes over the one of another format.
        let differences = try LedgerVerification.verify(f.book.store).differences
        #expect(differences.map(\.table) == ["loan_checkpoint"] && differences.map(\.key) == ["L-2"])
        #expect(differences.first?.stored?.hasSuffix("at byte 0: damaged") == true)
    }

    @Test("a difference between two checkpoint texts is shown from the value where they part")
    func firstDifference() {
        // "3:L-1," is 6 bytes; the texts part inside the next value, which is shown whole.
        let parted = LedgerVerification.firstDifference("3:L-1,12,7:monthly,", "3:L-1,13,7:monthly,")
        #expect(parted.stored == "at byte 6: 12,7:monthly," && parted.rebuilt == "at byte 6: 13,7:monthly,")
        // Only 40 bytes of each are shown.
        let long = String(repeating: "9", count: 60) + ","
        #expect(LedgerVerification.firstDifference("1," + long, "2," + long).stored
            == "at byte 0: 1," + String(repeating: "9", count: 38) + "…")
    }

    @Test("verify compares a checkpoint with the state its events give at its sequence", arguments: Backend.available)
    func verifyFindsWrongState(backend: Backend) throws {
        let f = try BookFixture(backend)
        try f.book.activate(try rbiBooking("L-1"), idempotencyKey: "book")
        try f.dayEnds("L-1", through: date("2026-02-20"))
        let stored = try #require(try f.sql("SELECT sequence, state FROM loan_checkpoint WHERE loan_id = 'L-1'").first)
        var wrong = try #require(LoanCheckpoint.decode(stored.text(1)))
        wrong.interestRecognised = wrong.interestRecognised + Money(minorUnits: 1, currency: .inr)
        _ = try f.sql("UPDATE loan_checkpoint SET state = '\(LoanCheckpoint.encode(wrong))' WHERE loan_id = 'L-1'")
        let differences = try LedgerVerification.verify(f.book.store).differences
        #expect(differences.count == 1 && differences.first?.table == "loan_checkpoint")
        // The difference is shown from the value where the texts part: the interest recognised,
        // one paisa more in the stored text than the events give.
        let recognised = wrong.interestRecognised.minorUnits
        let storedPart = try #require(differences.first?.stored)
        let rebuiltPart = try #require(differences.first?.rebuilt)
        #expect(storedPart.hasPrefix("sequence \(stored.int64(0)) at byte "))
        #expect(storedPart.contains(": \(recognised),") && rebuiltPart.contains(": \(recognised - 1),"))
        // Both from the same byte.
        #expect(storedPart.split(separator: ":").first?.hasSuffix(rebuiltPart.split(separator: ":").first ?? "-") == true)
        // A checkpoint beyond the loan's last event is named too.
        _ = try f.sql("UPDATE loan_checkpoint SET sequence = 999 WHERE loan_id = 'L-1'")
        #expect(try LedgerVerification.verify(f.book.store).differences.map(\.key) == ["L-1"])
    }
}
