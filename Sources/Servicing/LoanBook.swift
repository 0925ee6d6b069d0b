import Crypto
import Foundation
import Ledger
import LoanMath

/// The loan book over an event store: loads a loan's state, decides a command, appends its events
/// with the projections in the same transaction, and retries on a concurrent writer. One instance
/// per connection (connections are not shared between threads).
public final class LoanBook {
    public let store: any EventStore
    public var rules: ServicingRules
    /// The catalog version new events record.
    public var catalogVersion: String
    /// Microseconds since 1970 for `recorded_at`: infrastructure time, never a business date.
    let recordedAt: () -> Int64
    /// Loan states as last seen; brought up to date from the store before every use.
    var cache: [String: LoanState] = [:]
    /// Attempts of a command that meets a concurrent writer before giving up.
    public var maxAttempts = 20

    public init(store: any EventStore, rules: ServicingRules, catalogVersion: String,
                recordedAt: @escaping () -> Int64) {
        self.store = store
        self.rules = rules
        self.catalogVersion = catalogVersion
        self.recordedAt = recordedAt
    }

    /// The loan's current state, nil when it has no events.
    public func state(_ loanID: String) throws(ServicingError) -> LoanState? {
        do {
            if var known = cache[loanID] {
                let newer = try store.events(loanID: loanID, after: known.sequence)
                for event in newer { try known.apply(event) }
                cache[loanID] = known
                return known
            }
            guard let history = try histories([loanID]).first?.1 else { return nil }
            let state = switch try Restored(loanID, history) {
            case .state(let state): state
            case .noEvents: nil as LoanState?
            case .unreadableCheckpoint: try Self.replayedFromStart(loanID, in: store)
            }
            cache[loanID] = state
            return state
        } catch let error as ServicingError {
            throw error
        } catch let error as ReplayError {
            throw .replay(error)
        } catch {
            throw .storage("\(error)")
        }
    }

    /// The loan replayed from its first event, passing over any checkpoint.
    static func replayedFromStart(_ loanID: String, in store: any EventStore) throws(ServicingError) -> LoanState? {
        do {
            return try LoanState.replay(try store.events(loanID: loanID, after: 0))
        } catch let error as ReplayError {
            throw .replay(error)
        } catch {
            throw .storage("loading loan \(loanID): \(error)")
        }
    }

    /// The loan as it stood at the end of `date`: its events with value dates up to then, replayed.
    public func state(_ loanID: String, asOf date: LocalDate) throws(ServicingError) -> LoanState? {
        do {
            let events = try store.events(loanID: loanID, after: 0).filter { $0.valueDate <= date }
            return try LoanState.replay(events)
        } catch let error as ReplayError {
            throw .replay(error)
        } catch {
            throw .storage("\(error)")
        }
    }

    /// What a command did: the state after it and its events (the first time's, when repeated).
    public struct Outcome: Sendable {
        public let state: LoanState
        public let events: [LoanEvent]
        /// True when the idempotency key had been used before: nothing new was written.
        public let duplicate: Bool
    }

    /// Runs a command: decides its events from the current state and appends them with the
    /// projections; a concurrent writer makes it reload and decide again.
    func execute(_ loanID: String, key: String, request: String, recordsCommand: Bool = true,
                 decide: (LoanState?) throws(ServicingError) -> [NewEvent]) throws(ServicingError) -> Outcome {
        let hash = Self.hex(SHA256.hash(data: Data(request.utf8)))
        var attempt = 0
        while true {
            attempt += 1
            // The cached state is trusted: if another writer got there first, the append's sequence
            // check refuses it and the loan is read again.
            let cached = cache[loanID] != nil
            let current = if let known = cache[loanID] { known } else { try state(loanID) }
            let events: [NewEvent]
            do { events = try decide(current) } catch {
                if cached {
                    // Decide again on the stored state before refusing: another writer may have moved on.
                    cache[loanID] = nil
                    continue
                }
                // A refused command may be the repeat of one that succeeded before: answer as then.
                if let earlier = try duplicateOf(loanID, key: key, hash: hash) { return earlier }
                throw error
            }
            var batch = EventBatch(loanID: loanID, expectedSequence: current?.sequence ?? 0, idempotencyKey: key,
                                   requestHash: hash, catalogVersion: current?.catalogVersion ?? catalogVersion,
                                   recordedAt: recordedAt(), events: events)
            batch.recordsCommand = recordsCommand
            do {
                var after = current
                let outcome = try store.append(batch) { context in
                    let written = batch.numberedEvents(after: batch.expectedSequence)
                    var next = try after ?? LoanState(written[0])
                    for event in written where event.sequence > next.sequence { try next.apply(event) }
                    try LoanProjections.write(next, before: after, events: written, chart: rules.chart, into: context)
                    after = next
                }
                switch outcome {
                case .appended(let written):
                    guard let after else { throw ServicingError.storage("no state after append") }
                    cache[loanID] = after
                    return Outcome(state: after, events: written, duplicate: false)
                case .duplicate(let earlier):
                    cache[loanID] = nil
                    guard let now = try state(loanID) else { throw ServicingError.loanNotFound(loanID) }
                    return Outcome(state: now, events: earlier, duplicate: true)
                }
            } catch LedgerError.concurrencyConflict(_, _, _) where attempt < maxAttempts {
                cache[loanID] = nil
                continue
            } catch let error as ServicingError {
                throw error
            } catch let error as LedgerError {
                throw .ledger(error)
            } catch let error as ReplayError {
                throw .replay(error)
            } catch {
                throw .storage("\(error)")
            }
        }
    }

    /// Event types a day end writes.
    static let dayEndTypes: Set<LoanEventType> = [.allocation, .charge, .accrual, .classificationChange, .provision, .closure]

    /// Lower-case hex of a digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Runs a command on an existing loan: `execute` with a loan that must be there.
    func command(_ loanID: String, key: String, request: String, recordsCommand: Bool = true,
                 _ decide: (LoanState) throws(ServicingError) -> [NewEvent]) throws(ServicingError) -> Outcome {
        try execute(loanID, key: key, request: request, recordsCommand: recordsCommand) { (current) throws(ServicingError) in
            guard let current else { throw .loanNotFound(loanID) }
            return try decide(current)
        }
    }

    /// The earlier outcome of a command with this key, when there was one with the same request.
    func duplicateOf(_ loanID: String, key: String, hash: String) throws(ServicingError) -> Outcome? {
        let earlier: [LoanEvent]?
        do { earlier = try store.command(loanID: loanID, idempotencyKey: key, requestHash: hash) } catch let error as LedgerError {
            throw .ledger(error)
        } catch {
            throw .storage("\(error)")
        }
        guard let earlier, let now = try state(loanID) else { return nil }
        return Outcome(state: now, events: earlier, duplicate: true)
    }

    /// Books a loan: `activate` with its schedule, then `disburse`.
    @discardableResult
    public func activate(_ booking: LoanBooking, idempotencyKey: String) throws(ServicingError) -> Outcome {
        let request = "activate|\(booking.loanID)|\(booking.product)|\(booking.schedule.terms)|\(booking.securityValue)"
            + (booking.sanctionedAmount.map { "|sanctioned \($0.minorUnits)" } ?? "")
        return try execute(booking.loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            if current != nil { throw .loanExists(booking.loanID) }
            return try LoanDecisions.activate(booking)
        }
    }

    /// Posts a repayment received on `valueDate`; one dated before the loan's last day end is
    /// posted back-dated (the loan is restated from that date).
    @discardableResult
    public func repay(_ loanID: String, amount: Money, on valueDate: LocalDate, reference: String,
                      idempotencyKey: String) throws(ServicingError) -> Outcome {
        let known = if let cached = cache[loanID] { cached } else { try state(loanID) }
        if let last = known?.lastDayEnd, valueDate <= last {
            return try repayBackDated(loanID, amount: amount, on: valueDate, reference: reference,
                                      idempotencyKey: idempotencyKey)
        }
        let request = "repay|\(amount.minorUnits)|\(amount.currency.code)|\(valueDate.iso)|\(reference)"
        let rules = self.rules
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            return try LoanDecisions.repay(current, amount: amount, on: valueDate, reference: reference, rules: rules)
        }
    }

    /// Pays the loan off on `valueDate` at its foreclosure quote (plus `charge` where the product
    /// levies one); the quote itself is `state(loanID)?.foreclosureQuote(on:)`.
    @discardableResult
    public func foreclose(_ loanID: String, amount: Money, on valueDate: LocalDate, reference: String, charge: Money? = nil,
                          idempotencyKey: String) throws(ServicingError) -> Outcome {
        let request = "foreclose|\(amount.minorUnits)|\(valueDate.iso)|\(reference)|\(charge?.minorUnits ?? 0)"
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            return try LoanDecisions.foreclose(current, amount: amount, on: valueDate, reference: reference, charge: charge)
        }
    }

    /// Applies `amount` beyond the dues to principal on `valueDate` and re-amortises the schedule.
    @discardableResult
    public func prepay(_ loanID: String, amount: Money, on valueDate: LocalDate, reference: String,
                       effect: PrepaymentEffect, idempotencyKey: String) throws(ServicingError) -> Outcome {
        let request = "prepay|\(amount.minorUnits)|\(valueDate.iso)|\(reference)|\(effect.rawValue)"
        let rules = self.rules
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            return try LoanDecisions.prepay(current, amount: amount, on: valueDate, reference: reference, effect: effect,
                                            rules: rules)
        }
    }

    /// Pays out a further tranche of the sanction on `valueDate`; the instalments are re-amortised.
    @discardableResult
    public func disburseTranche(_ loanID: String, amount: Money, on valueDate: LocalDate, reference: String,
                                idempotencyKey: String) throws(ServicingError) -> Outcome {
        let request = "tranche|\(amount.minorUnits)|\(amount.currency.code)|\(valueDate.iso)|\(reference)"
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            return try LoanDecisions.disburseTranche(current, amount: amount, on: valueDate, reference: reference)
        }
    }

    /// Records a dishonoured NACH debit or cheque for `installment`, with the bounce charge.
    @discardableResult
    public func bounce(_ loanID: String, installment: Int, on date: LocalDate, reference: String, reason: String,
                       idempotencyKey: String) throws(ServicingError) -> Outcome {
        let rules = self.rules
        return try command(loanID, key: idempotencyKey, request: "bounce|\(installment)|\(date.iso)|\(reference)|\(reason)") {
            (current) throws(ServicingError) in
            return try LoanDecisions.bounce(current, installment: installment, on: date, reference: reference, reason: reason,
                                            rules: rules)
        }
    }

    /// Records that the debit for `installment` was presented again.
    @discardableResult
    public func rePresent(_ loanID: String, installment: Int, on date: LocalDate, reference: String,
                          idempotencyKey: String) throws(ServicingError) -> Outcome {
        try command(loanID, key: idempotencyKey, request: "re-present|\(installment)|\(date.iso)|\(reference)") {
            (current) throws(ServicingError) in
            return try LoanDecisions.rePresent(current, installment: installment, on: date, reference: reference)
        }
    }

    /// Restructures the loan from `date` at a new rate and tenure (with the downgrade it brings).
    @discardableResult
    public func restructure(_ loanID: String, on date: LocalDate, annualRate: Rate, installments: Int, reason: String,
                            idempotencyKey: String) throws(ServicingError) -> Outcome {
        let request = "restructure|\(date.iso)|\(annualRate.scaledFraction)|\(installments)|\(reason)"
        return try command(loanID, key: idempotencyKey, request: request) { (current) throws(ServicingError) in
            return try LoanDecisions.restructure(current, on: date, annualRate: annualRate, installments: installments,
                                                 reason: reason)
        }
    }

    /// Writes the loan off.
    @discardableResult
    public func writeOff(_ loanID: String, on date: LocalDate, reason: String, idempotencyKey: String)
        throws(ServicingError) -> Outcome {
        try command(loanID, key: idempotencyKey, request: "writeoff|\(date.iso)|\(reason)") { (current) throws(ServicingError) in
            return try LoanDecisions.writeOff(current, on: date, reason: reason)
        }
    }

    /// Settles the loan for `amount` (one-time settlement); the rest is waived and written off.
    @discardableResult
    public func settle(_ loanID: String, amount: Money, on date: LocalDate, reference: String, idempotencyKey: String)
        throws(ServicingError) -> Outcome {
        try command(loanID, key: idempotencyKey, request: "settle|\(amount.minorUnits)|\(date.iso)|\(reference)") {
            (current) throws(ServicingError) in
            return try LoanDecisions.settle(current, amount: amount, on: date, reference: reference)
        }
    }

    /// Issues the No Objection Certificate of a closed or settled loan.
    @discardableResult
    public func issueNOC(_ loanID: String, on date: LocalDate, idempotencyKey: String) throws(ServicingError) -> Outcome {
        try command(loanID, key: idempotencyKey, request: "noc|\(date.iso)") { (current) throws(ServicingError) in
            return try LoanDecisions.issueNOC(current, on: date)
        }
    }

    /// Posts money recovered on a written-off or settled loan.
    @discardableResult
    public func recover(_ loanID: String, amount: Money, on date: LocalDate, reference: String, idempotencyKey: String)
        throws(ServicingError) -> Outcome {
        try command(loanID, key: idempotencyKey, request: "recover|\(amount.minorUnits)|\(date.iso)|\(reference)") {
            (current) throws(ServicingError) in
            return try LoanDecisions.recover(current, amount: amount, on: date, reference: reference)
        }
    }

    /// Runs one loan's day end for `date`; repeating a date that ran writes nothing.
    @discardableResult
    public func dayEnd(_ loanID: String, on date: LocalDate) throws(ServicingError) -> Outcome {
        let rules = self.rules
        // A day end that ran is recognised by its date (before the loan's next one), so it needs no
        // `loan_command` row: the answer is the events it wrote then.
        let cached = if let state = cache[loanID] { state } else { try state(loanID) }
        if let known = cached, date < known.nextDayEnd, date >= known.disbursementDate {
            let earlier: [LoanEvent]
            do { earlier = try store.events(loanID: loanID, after: 0) } catch { throw .storage("\(error)") }
            let ran = earlier.filter { $0.valueDate == date && Self.dayEndTypes.contains($0.type) }
            return Outcome(state: known, events: ran, duplicate: true)
        }
        return try command(loanID, key: "day-end:\(date.iso)", request: "day-end|\(date.iso)", recordsCommand: false) {
            (current) throws(ServicingError) in
            return try LoanDecisions.dayEnd(current, on: date, rules: rules)
        }
    }
}
