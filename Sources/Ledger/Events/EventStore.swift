/// The loan event store: append-only, per-loan ordered, idempotent. SQLite and PostgreSQL implement
/// it with the same schema and the same tests.
public protocol EventStore {
    /// Appends `batch` atomically, with `project` run in the same transaction (projections).
    /// A repeated idempotency key with the same request returns the original events and writes nothing.
    func append(_ batch: EventBatch, project: (ProjectionContext) throws -> Void) throws -> AppendOutcome
    /// The loan's events after `sequence` (all of them from 0), in order.
    func events(loanID: String, after sequence: Int64) throws -> [LoanEvent]
    /// Every event of each of `loanIDs`, in order, by loan (a loan with none is left out): one
    /// read for many loans, for loading a book.
    func events(loanIDs: [String]) throws -> [String: [LoanEvent]]
    /// For each of `loanIDs` with events: its checkpoint in `checkpointFormat` (when it has one)
    /// and the events after it, in order; the loan's whole history when it has none. A checkpoint
    /// read with the events after it is consistent whatever is written meanwhile (events are only
    /// ever added).
    func histories(loanIDs: [String], checkpointFormat: Int) throws -> [String: LoanHistory]
    /// The loan's last sequence, 0 for a loan with no events.
    func lastSequence(loanID: String) throws -> Int64
    /// The events an earlier command with `idempotencyKey` wrote on the loan, nil when there was none;
    /// `LedgerError.idempotencyConflict` when that command's request differs from `requestHash`.
    func command(loanID: String, idempotencyKey: String, requestHash: String) throws -> [LoanEvent]?
    /// Runs `body` in one transaction: appends inside it become savepoints, committed together
    /// (a batch of loans at day end costs one commit). An append that fails rolls back only itself.
    func inTransaction<T>(_ body: () throws -> T) throws -> T
    /// Runs a read-only query over the read models (projections) and returns its rows.
    func read(_ sql: String, _ values: [SQLValue?]) throws -> [SQLRow]
    /// Appends batches of many loans (one each, recording no command) in one transaction with
    /// multi-row statements, `project` writing their projections; all or nothing, and
    /// `LedgerError.concurrencyConflict` when a loan is not at its batch's expected sequence.
    func appendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> [[LoanEvent]]
    /// `appendMany`, returning before the database has finished where it can (PostgreSQL): the
    /// caller may work meanwhile but must call `finishAppendMany` before anything else on the store.
    func startAppendMany(_ batches: [EventBatch], project: (ProjectionContext) throws -> Void) throws -> PendingAppend
    /// Waits for a started bulk append; its events, or what `appendMany` would throw.
    func finishAppendMany(_ pending: PendingAppend) throws -> [[LoanEvent]]
}

/// A bulk append started by `startAppendMany`.
public struct PendingAppend: Sendable {
    /// The events, numbered as they are written.
    public let written: [[LoanEvent]]
    /// Each loan's expected sequence, to name a conflict.
    let expected: [String: Int64]
    /// Whether the database is still at work (else it is done).
    let pipelined: Bool
}

extension EventStore {
    /// Appends `batch` with no projection work.
    public func append(_ batch: EventBatch) throws -> AppendOutcome { try append(batch) { _ in } }
}

/// What an append did.
public enum AppendOutcome: Sendable, Hashable {
    /// The events were written with these sequences.
    case appended([LoanEvent])
    /// The command was seen before: these are the events it wrote then; nothing new was written.
    case duplicate([LoanEvent])

    public var events: [LoanEvent] {
        switch self {
        case .appended(let e), .duplicate(let e): return e
        }
    }
}

/// Why an append was refused; nothing was written.
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another writer appended first: reload the loan and retry.
    case concurrencyConflict(loanID: String, expected: Int64, actual: Int64)
    /// The idempotency key was used before for a different request.
    case idempotencyConflict(loanID: String, key: String)
    /// A batch with no events, or a loan id that is empty or too long.
    case invalidBatch(String)
    /// A stored event this version cannot read: written by a newer version, or altered by hand.
    case unreadableEvent(loanID: String, sequence: Int64, reason: String)

    public var description: String {
        switch self {
        case .concurrencyConflict(let loan, let expected, let actual):
            return "loan \(loan) is at sequence \(actual), not \(expected): another change was recorded first"
        case .idempotencyConflict(let loan, let key):
            return "idempotency key \(key) was already used on loan \(loan) for a different request"
        case .invalidBatch(let reason): return "invalid batch: \(reason)"
        case .unreadableEvent(let loan, let sequence, let reason):
            return "loan \(loan) event \(sequence) cannot be read: \(reason)"
        }
    }
}

/// Lets projection code write in the append's transaction.
public protocol ProjectionContext {
    /// Runs `sql` with `values` bound in order.
    func execute(_ sql: String, _ values: [SQLValue?]) throws
}

extension EventBatch {
    /// The batch's events as the store numbers them when the loan is at `sequence`: what a
    /// projection inside `append` sees it write.
    public func numberedEvents(after sequence: Int64) -> [LoanEvent] { EventBatchRules.events(of: self, after: sequence) }
}
