import Ledger
import LoanMath

extension SQLPartyStore {
    /// Erases party `id`'s personal data on business date `date`: every sealed field and the PAN
    /// blind index are cleared, its queued notifications lose recipient and text, and a record of the
    /// anonymisation is kept. The row and its id stay, so the loans and ledger events that reference
    /// it are untouched. Refused (changing nothing) for an unknown or already anonymised party.
    @discardableResult
    public func anonymise(_ id: String, on date: LocalDate, reason: AnonymisationReason, requestedBy: String)
        throws(PartyStoreError) -> AnonymisationRecord {
        let record = AnonymisationRecord(partyID: id, anonymisedOn: date, reason: reason, requestedBy: requestedBy)
        try database.transaction { connection in
            try Self.requireLive(id, on: connection, lock: database.forUpdate)
            let erased = PartyRow.sealedColumns.map { "\($0) = NULL" }.joined(separator: ", ")
            try connection.query("UPDATE party SET \(erased), pan_index = NULL, anonymised_on = ? WHERE party_id = ?",
                                 [.text(date.iso), .text(id)])
            try connection.query(
                "UPDATE notification_outbox SET recipient_sealed = NULL, body_sealed = NULL WHERE party_id = ?", [.text(id)])
            try connection.query(
                "INSERT INTO party_anonymisation (party_id, anonymised_on, reason, requested_by) VALUES (?, ?, ?, ?)",
                [.text(id), .text(date.iso), .text(reason.rawValue), .text(requestedBy)])
        }
        return record
    }

    /// The record of party `id`'s anonymisation, nil when it was not anonymised.
    public func anonymisation(_ id: String) throws(PartyStoreError) -> AnonymisationRecord? {
        let row = try database.transaction { connection in
            try connection.query(
                "SELECT party_id, anonymised_on, reason, requested_by FROM party_anonymisation WHERE party_id = ?",
                [.text(id)]
            ).first
        }
        guard let row else { return nil }
        return AnonymisationRecord(partyID: row.text(0), anonymisedOn: LocalDate(iso: row.text(1)) ?? LocalDate(dayNumber: 0),
                                   reason: AnonymisationReason(rawValue: row.text(2)) ?? .erasureRequest,
                                   requestedBy: row.text(3))
    }
}
