import LoanMath

/// What happened to a loan, as recorded in the append-only `loan_event` table.
public enum LoanEventType: String, Sendable, CaseIterable, Codable {
    case activate, disburse, accrual
    case classificationChange = "classification_change"
    case provision, repayment, allocation, bounce
    case rePresent = "re_present"
    case charge, drawdown
    case drawdownScheduleGenerated = "drawdown_schedule_generated"
    case mandateActive = "mandate_active"
    case mandateInactive = "mandate_inactive"
    case restructure, prepayment
    case foreclosureRequest = "foreclosure_request"
    case foreclosureCompleted = "foreclosure_completed"
    case writeoff
    case recoveryPostWriteoff = "recovery_post_writeoff"
    case upgrade, settlement, closure
    case nocIssued = "noc_issued"
    case reversal
    /// A back-dated payment or a reversal restated the loan: the corrected state and the GL difference.
    case restatement
    /// Charges (or part of them) forgiven under maker-checker; the income and its GST are reversed.
    case waiver
}

/// One recorded event of a loan: its place in the loan's stream, its business (value) date, when
/// it was recorded, the command it came from, the catalog version it ran under, and its payload.
public struct LoanEvent: Sendable, Hashable {
    public let loanID: String
    /// 1, 2, 3… within the loan; no gaps.
    public let sequence: Int64
    public let type: LoanEventType
    public let valueDate: LocalDate
    /// Microseconds since 1970 UTC, from the injected clock of whoever recorded it.
    public let recordedAt: Int64
    public let idempotencyKey: String
    public let catalogVersion: String
    /// The event's data as JSON text.
    public let payload: String

    public init(loanID: String, sequence: Int64, type: LoanEventType, valueDate: LocalDate, recordedAt: Int64,
                idempotencyKey: String, catalogVersion: String, payload: String) {
        self.loanID = loanID
        self.sequence = sequence
        self.type = type
        self.valueDate = valueDate
        self.recordedAt = recordedAt
        self.idempotencyKey = idempotencyKey
        self.catalogVersion = catalogVersion
        self.payload = payload
    }
}

/// An event to append: type, value date and payload; the store assigns the sequence.
public struct NewEvent: Sendable, Hashable {
    public let type: LoanEventType
    public let valueDate: LocalDate
    public let payload: String

    public init(_ type: LoanEventType, valueDate: LocalDate, payload: String = "{}") {
        self.type = type
        self.valueDate = valueDate
        self.payload = payload
    }
}

/// The events one command produces, appended together or not at all.
public struct EventBatch: Sendable, Hashable {
    public let loanID: String
    /// The sequence the writer last saw; the append fails if another writer got there first.
    public let expectedSequence: Int64
    /// The command's idempotency key, unique per loan.
    public let idempotencyKey: String
    /// A digest of the command's request: the same key with another request is a conflict.
    public let requestHash: String
    public let catalogVersion: String
    public let recordedAt: Int64
    public let events: [NewEvent]
    /// Whether the key is recorded in `loan_command`. A command whose repeats the caller recognises
    /// by other means (a day end: its date is before the loan's next one) leaves it out.
    public var recordsCommand = true

    public init(loanID: String, expectedSequence: Int64, idempotencyKey: String, requestHash: String,
                catalogVersion: String, recordedAt: Int64, events: [NewEvent]) {
        self.loanID = loanID
        self.expectedSequence = expectedSequence
        self.idempotencyKey = idempotencyKey
        self.requestHash = requestHash
        self.catalogVersion = catalogVersion
        self.recordedAt = recordedAt
        self.events = events
    }
}
