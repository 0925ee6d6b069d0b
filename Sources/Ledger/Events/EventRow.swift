import LoanMath

/// Rules every store applies to a batch before writing it.
enum EventBatchRules {
    static func check(_ batch: EventBatch) throws(LedgerError) {
        guard !batch.loanID.isEmpty, batch.loanID.utf8.count <= LedgerSchema.maxLoanIDLength else {
            throw .invalidBatch("loan id must be 1 to \(LedgerSchema.maxLoanIDLength) bytes")
        }
        guard !batch.events.isEmpty, batch.events.count <= LedgerSchema.maxEventsPerBatch else {
            throw .invalidBatch("a command writes 1 to \(LedgerSchema.maxEventsPerBatch) events")
        }
        guard !batch.idempotencyKey.isEmpty, batch.idempotencyKey.utf8.count <= 200 else {
            throw .invalidBatch("idempotency key must be 1 to 200 bytes")
        }
        guard batch.expectedSequence >= 0 else { throw .invalidBatch("expected sequence must not be negative") }
    }

    /// The batch's events numbered after `last`.
    static func events(of batch: EventBatch, after last: Int64) -> [LoanEvent] {
        batch.events.enumerated().map { offset, event in
            LoanEvent(loanID: batch.loanID, sequence: last + 1 + Int64(offset), type: event.type,
                      valueDate: event.valueDate, recordedAt: batch.recordedAt, idempotencyKey: batch.idempotencyKey,
                      catalogVersion: batch.catalogVersion, payload: event.payload)
        }
    }
}

/// Maps events to and from rows of `loan_event`.
enum EventRow {
    /// The columns of a row, in the order `values` gives and `read` takes them.
    static let columns = "loan_id, sequence, event_type, value_date, recorded_at, idempotency_key, catalog_version, payload"

    /// `columns`, each qualified by `table` (a name or alias), for a query over more than one table.
    static func columns(of table: String) -> String {
        columns.split(separator: ", ").map { "\(table).\($0)" }.joined(separator: ", ")
    }
    /// Writes one event (`values`); one text everywhere, so bulk writes group it into multi-row statements.
    static let insert = "INSERT INTO loan_event (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"

    static func values(_ e: LoanEvent) -> [SQLValue?] {
        [.text(e.loanID), .integer(e.sequence), .text(e.type.rawValue), .text(e.valueDate.iso), .integer(e.recordedAt),
         .text(e.idempotencyKey), .text(e.catalogVersion), .text(e.payload)]
    }

    /// The event a stored row holds; a row this version cannot read (an unknown event type or a
    /// malformed value date) is an error naming it, never an event of some other type.
    static func read(_ row: SQLRow) throws(LedgerError) -> LoanEvent {
        let loanID = row.text(0), sequence = row.int64(1)
        guard let type = LoanEventType(rawValue: row.text(2)) else {
            throw .unreadableEvent(loanID: loanID, sequence: sequence, reason: "unknown event type '\(row.text(2))'")
        }
        guard let valueDate = LocalDate(iso: row.text(3)) else {
            throw .unreadableEvent(loanID: loanID, sequence: sequence, reason: "value date '\(row.text(3))' is not a date")
        }
        return LoanEvent(loanID: loanID, sequence: sequence, type: type, valueDate: valueDate, recordedAt: row.int64(4),
                         idempotencyKey: row.text(5), catalogVersion: row.text(6), payload: row.text(7))
    }
}
