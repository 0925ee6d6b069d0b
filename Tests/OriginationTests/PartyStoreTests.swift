import Foundation
import Ledger
import LedgerTestSupport
import LoanMath
import Servicing
import Testing
@testable import Origination

/// A scratch database with the party store over one connection.
struct PartyFixture {
    let scratch: ScratchDatabase
    let database: PartyDatabase
    let store: SQLPartyStore

    init(_ backend: Backend) throws {
        scratch = try ScratchDatabase(backend)
        database = try PartyDatabase.open(scratch.location)
        store = SQLPartyStore(database, keyring: testKeyring)
    }

    /// Every column of every row of `table` as text, as someone reading the database would see it.
    func raw(_ table: String) throws -> String {
        let rows = try database.transaction { try $0.query("SELECT * FROM \(table)", []) }
        return rows.map { $0.columns.map { $0.map { "\($0)" } ?? "NULL" }.joined(separator: "|") }.joined(separator: "\n")
    }
}

/// The party store on every available backend.
@Suite struct PartyStoreTests {
    @Test(arguments: Backend.available)
    func aPartyReadsBackAsStored(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        let created = try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        let read = try #require(try f.store.party("P-1"))
        #expect(read == created)
        #expect(read.pan?.value == "ABCPE1234F")
        #expect(read.aadhaar?.lastFour == "2346")
        #expect(read.address?.city == "Pune")
        #expect(read.bankAccount?.number.digits == "123456781234")
        #expect(try f.store.party("P-2") == nil)
    }

    @Test(arguments: Backend.available)
    func personalFieldsAreSealedAtRestAndAadhaarIsNeverStored(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        let raw = try f.raw("party")
        for clear in ["Ravi", "ABCPE1234F", "9876543210", "ravi.kumar", "1988-07-14", "MG Road", "123456781234",
                      "234123412346", "2346"] {
            #expect(!raw.contains(clear), "a personal field is stored in clear")
        }
        #expect(raw.contains("pii1.\(testKeyring.keyID)."))
    }

    @Test(arguments: Backend.available)
    func aPartyIsFoundByPANThroughTheBlindIndex(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        try f.store.create(Parties.details(Parties.firm), id: "B-1", on: Parties.today)
        let pan = try #require(PAN.parse("aapfu0939f").value)
        #expect(try f.store.party(withPAN: pan)?.id == "B-1")
        #expect(try f.store.party(withPAN: try #require(PAN.parse("ABCPE1235F").value)) == nil)
    }

    @Test(arguments: Backend.available)
    func aSecondPartyWithTheSamePANOrIdIsRefusedAndNothingIsWritten(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        var twin = Parties.ravi
        twin.name = "R. Kumar"
        let samePAN = Result { () throws(PartyStoreError) in try f.store.create(Parties.details(twin), id: "P-2", on: Parties.today) }
        #expect(samePAN.failure == .duplicatePAN(existingParty: "P-1"))
        twin.pan = "ABCPE1235F"
        let sameID = Result { () throws(PartyStoreError) in try f.store.create(Parties.details(twin), id: "P-1", on: Parties.today) }
        #expect(sameID.failure == .partyExists("P-1"))
        let badID = Result { () throws(PartyStoreError) in try f.store.create(Parties.details(twin), id: "P 2", on: Parties.today) }
        #expect(badID.failure == .invalidID("a party id has 1 to 64 letters, digits, `-` or `_`"))
        #expect(try f.database.transaction { try $0.query("SELECT COUNT(*) FROM party", []) }.first?.int64(0) == 1)
    }

    @Test(arguments: Backend.available)
    func aStoredFieldAlteredInTheDatabaseIsRefusedNotMisread(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        try f.store.create(Parties.details(Parties.firm), id: "B-1", on: Parties.today)
        // Someone copies the firm's sealed mobile number onto Ravi's row.
        _ = try f.database.transaction {
            try $0.query("UPDATE party SET mobile_sealed = (SELECT mobile_sealed FROM party WHERE party_id = 'B-1') WHERE party_id = 'P-1'", [])
        }
        let read = Result { () throws(PartyStoreError) in try f.store.party("P-1") }
        #expect(read.failure == .unreadable(.tampered(owner: "P-1", field: "mobile")))
    }

    @Test(arguments: Backend.available)
    func partiesAreLinkedToLoansByRole(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        try f.store.create(Parties.details(Parties.firm), id: "B-1", on: Parties.today)
        try f.store.link(partyID: "P-1", loanID: "L-1", role: .applicant, on: Parties.today)
        try f.store.link(partyID: "P-1", loanID: "L-1", role: .applicant, on: Parties.today)  // again: no change
        try f.store.link(partyID: "B-1", loanID: "L-1", role: .guarantor, on: Parties.today)
        #expect(try f.store.links(loanID: "L-1").map { "\($0.partyID) \($0.role.rawValue)" } == ["B-1 guarantor", "P-1 applicant"])
        #expect(try f.store.links(partyID: "P-1").map(\.loanID) == ["L-1"])
        let unknown = Result { () throws(PartyStoreError) in
            try f.store.link(partyID: "P-9", loanID: "L-1", role: .coApplicant, on: Parties.today)
        }
        #expect(unknown.failure == .unknownParty("P-9"))
    }
}
