import Ledger
import LoanMath

/// Parties in the ledger's database (`party`, `party_loan`, `party_anonymisation`), on SQLite or
/// PostgreSQL. Personal fields are sealed before they are written and opened after they are read; a
/// PAN is found through its blind index; an Aadhaar number becomes a vault reference on the way in.
public final class SQLPartyStore: Sendable {
    let database: PartyDatabase
    let rows: PartyRow
    let index: BlindIndex

    public init(_ database: PartyDatabase, keyring: PIIKeyring) {
        self.database = database
        self.rows = PartyRow(sealer: PIISealer(keyring))
        self.index = BlindIndex(keyring)
    }

    /// Longest party id accepted.
    public static let maxIDLength = 64

    /// Stores the validated `details` as party `id`, created on business date `date`; refuses an id
    /// in use and a PAN another party has.
    @discardableResult
    public func create(_ details: PartyDetails, id: String, on date: LocalDate) throws(PartyStoreError) -> Party {
        try Self.check(id: id)
        let party = Party(id: id, kind: details.kind, name: details.name, pan: details.pan,
                          aadhaar: details.aadhaar.map(index.reference), dateOfBirth: details.dateOfBirth,
                          mobile: details.mobile, email: details.email, address: details.address,
                          bankAccount: details.bankAccount, gstin: details.gstin, createdOn: date)
        let panIndex = details.pan.map(index.index)
        // Another writer may insert the same id or PAN between the checks and the insert: the unique
        // key then refuses it, and the error says which.
        let duplicate = { (connection: any SQLConnection) -> PartyStoreError in
            let sameID = (try? connection.query("SELECT party_id FROM party WHERE party_id = ?", [.text(id)]))?.first
            let samePAN = panIndex.flatMap {
                try? connection.query("SELECT party_id FROM party WHERE pan_index = ?", [.text($0)])
            }?.first
            if sameID == nil, let samePAN { return .duplicatePAN(existingParty: samePAN.text(0)) }
            return .partyExists(id)
        }
        try database.transaction(duplicate: duplicate) { connection in
            if try !connection.query("SELECT party_id FROM party WHERE party_id = ?", [.text(id)]).isEmpty {
                throw PartyStoreError.partyExists(id)
            }
            if let panIndex, let existing = try connection.query(
                "SELECT party_id FROM party WHERE pan_index = ?", [.text(panIndex)]).first {
                throw PartyStoreError.duplicatePAN(existingParty: existing.text(0))
            }
            try connection.query("INSERT INTO party (\(PartyRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 rows.values(party, panIndex: panIndex))
        }
        return party
    }

    /// Party `id`, its fields opened; nil when there is none.
    public func party(_ id: String) throws(PartyStoreError) -> Party? {
        let found = try database.transaction { connection in
            try connection.query("SELECT \(PartyRow.columns) FROM party WHERE party_id = ?", [.text(id)]).first
        }
        guard let found else { return nil }
        return try rows.party(found)
    }

    /// The party whose PAN is `pan`, found by its blind index without opening other rows.
    public func party(withPAN pan: PAN) throws(PartyStoreError) -> Party? {
        let key = index.index(of: pan)
        let found = try database.transaction { connection in
            try connection.query("SELECT \(PartyRow.columns) FROM party WHERE pan_index = ?", [.text(key)]).first
        }
        guard let found else { return nil }
        return try rows.party(found)
    }

    /// Records that party `partyID` plays `role` in loan `loanID` from business date `date` (again: no change).
    public func link(partyID: String, loanID: String, role: PartyRole, on date: LocalDate) throws(PartyStoreError) {
        guard !loanID.isEmpty, loanID.count <= LedgerSchema.maxLoanIDLength else {
            throw .invalidID("a loan id has 1 to \(LedgerSchema.maxLoanIDLength) characters")
        }
        try database.transaction { connection in
            try Self.requireLive(partyID, on: connection)
            let existing = try connection.query(
                "SELECT role FROM party_loan WHERE loan_id = ? AND party_id = ? AND role = ?",
                [.text(loanID), .text(partyID), .text(role.rawValue)])
            guard existing.isEmpty else { return }
            try connection.query("INSERT INTO party_loan (loan_id, party_id, role, linked_on) VALUES (?, ?, ?, ?)",
                                 [.text(loanID), .text(partyID), .text(role.rawValue), .text(date.iso)])
        }
    }

    /// The parties of loan `loanID` with their roles.
    public func links(loanID: String) throws(PartyStoreError) -> [PartyLoanLink] {
        try database.transaction { connection in
            try connection.query(
                "SELECT loan_id, party_id, role, linked_on FROM party_loan WHERE loan_id = ? ORDER BY party_id, role",
                [.text(loanID)]
            ).map(Self.link)
        }
    }

    /// The loans party `partyID` is linked to.
    public func links(partyID: String) throws(PartyStoreError) -> [PartyLoanLink] {
        try database.transaction { connection in
            try connection.query(
                "SELECT loan_id, party_id, role, linked_on FROM party_loan WHERE party_id = ? ORDER BY loan_id, role",
                [.text(partyID)]
            ).map(Self.link)
        }
    }

    static func link(_ row: SQLRow) -> PartyLoanLink {
        PartyLoanLink(loanID: row.text(0), partyID: row.text(1), role: PartyRole(rawValue: row.text(2)) ?? .applicant,
                      linkedOn: LocalDate(iso: row.text(3)) ?? LocalDate(dayNumber: 0))
    }

    static func check(id: String) throws(PartyStoreError) {
        guard !id.isEmpty, id.count <= maxIDLength,
              id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw .invalidID("a party id has 1 to \(maxIDLength) letters, digits, `-` or `_`")
        }
    }

    /// Throws unless party `id` exists and is not anonymised.
    static func requireLive(_ id: String, on connection: any SQLConnection, lock: String = "") throws {
        guard let row = try connection.query("SELECT anonymised_on FROM party WHERE party_id = ?\(lock)", [.text(id)]).first
        else { throw PartyStoreError.unknownParty(id) }
        if !row.isNull(0) {
            throw PartyStoreError.anonymised(id, on: LocalDate(iso: row.text(0)) ?? LocalDate(dayNumber: 0))
        }
    }
}
