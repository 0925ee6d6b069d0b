import Foundation
import Ledger
import LoanMath

/// `party` rows ↔ `Party`: every personal field sealed for its party and column.
struct PartyRow {
    let sealer: PIISealer

    static let columns = """
        party_id, kind, created_on, name_sealed, pan_sealed, pan_index, aadhaar_sealed, birth_date_sealed, \
        mobile_sealed, email_sealed, address_sealed, bank_account_sealed, gstin_sealed, anonymised_on
        """

    /// The sealed columns, in `columns` order after `pan_index`'s neighbours; erased on anonymisation.
    static let sealedColumns = [
        "name_sealed", "pan_sealed", "aadhaar_sealed", "birth_date_sealed", "mobile_sealed", "email_sealed",
        "address_sealed", "bank_account_sealed", "gstin_sealed",
    ]

    func values(_ party: Party, panIndex: String?) -> [SQLValue?] {
        func sealed(_ text: String?, _ column: String) -> SQLValue? {
            text.map { .text(sealer.seal($0, owner: party.id, field: column)) }
        }
        return [
            .text(party.id), .text(party.kind.rawValue), .text(party.createdOn.iso),
            sealed(party.name, "name"), sealed(party.pan?.value, "pan"), panIndex.map(SQLValue.text),
            sealed(party.aadhaar.map(Self.json), "aadhaar"), sealed(party.dateOfBirth?.iso, "birth_date"),
            sealed(party.mobile?.digits, "mobile"), sealed(party.email?.value, "email"),
            sealed(party.address.map(Self.json), "address"), sealed(party.bankAccount.map(Self.json), "bank_account"),
            sealed(party.gstin?.value, "gstin"), party.anonymisedOn.map { .text($0.iso) },
        ]
    }

    func party(_ row: SQLRow) throws(PartyStoreError) -> Party {
        let id = row.text(0)
        func open(_ index: Int, _ field: String) throws(PartyStoreError) -> String? {
            guard !row.isNull(index) else { return nil }
            switch sealer.open(row.text(index), owner: id, field: field) {
            case .success(let text): return text
            case .failure(let error): throw .unreadable(error)
            }
        }
        func decoded<T: Decodable>(_ index: Int, _ field: String, as type: T.Type) throws(PartyStoreError) -> T? {
            guard let text = try open(index, field) else { return nil }
            guard let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
                throw .unreadable(.malformed(owner: id, field: field))
            }
            return value
        }
        let anonymisedOn = row.isNull(13) ? nil : LocalDate(iso: row.text(13))
        return Party(
            id: id, kind: PartyKind(rawValue: row.text(1)) ?? .individual,
            name: try open(3, "name") ?? (anonymisedOn == nil ? "" : Party.anonymisedName),
            pan: try open(4, "pan").map { PAN(value: $0) },
            aadhaar: try decoded(6, "aadhaar", as: AadhaarReference.self),
            dateOfBirth: try open(7, "birth_date").flatMap { LocalDate(iso: $0) },
            mobile: try open(8, "mobile").map { MobileNumber(digits: $0) },
            email: try open(9, "email").map { EmailAddress(value: $0) },
            address: try decoded(10, "address", as: Address.self),
            bankAccount: try decoded(11, "bank_account", as: BankAccount.self),
            gstin: try open(12, "gstin").map { GSTIN(value: $0) },
            createdOn: LocalDate(iso: row.text(2)) ?? LocalDate(dayNumber: 0), anonymisedOn: anonymisedOn)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
