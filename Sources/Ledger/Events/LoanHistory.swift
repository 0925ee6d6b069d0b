/// A loan's state as stored in `loan_checkpoint`: opaque text in a numbered format, as of the
/// loan's event `sequence`. The servicing layer writes and reads it; the store only keeps it.
public struct LoanCheckpointRow: Sendable, Hashable {
    public var sequence: Int64
    public var format: Int
    public var state: String

    public init(sequence: Int64, format: Int, state: String) {
        self.sequence = sequence
        self.format = format
        self.state = state
    }

    /// Writes a loan's checkpoint (one a loan: a newer one replaces it). Values: loan id,
    /// sequence, format, state.
    public static let upsert = """
        INSERT INTO loan_checkpoint (loan_id, sequence, format, state) VALUES (?, ?, ?, ?)
        ON CONFLICT (loan_id) DO UPDATE SET sequence = excluded.sequence, format = excluded.format, state = excluded.state
        """

    public func values(loanID: String) -> [SQLValue?] {
        [.text(loanID), .integer(sequence), .integer(Int64(format)), .text(state)]
    }
}

/// What loading a loan reads: its checkpoint, when it has one, and the events after it.
public struct LoanHistory: Sendable, Hashable {
    public var checkpoint: LoanCheckpointRow?
    public var events: [LoanEvent]

    public init(checkpoint: LoanCheckpointRow?, events: [LoanEvent]) {
        self.checkpoint = checkpoint
        self.events = events
    }
}
