import Foundation
import Ledger
import LedgerTestSupport
import LoanMath
import Servicing
import Testing
@testable import Origination

/// Erasing a party's personal data keeps its id, its loans and their ledger intact.
@Suite struct AnonymisationTests {
    @Test(arguments: Backend.available)
    func anonymisingErasesPersonalDataAndKeepsTheRecord(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        try f.store.link(partyID: "P-1", loanID: "L-1", role: .applicant, on: Parties.today)
        let on = date("2031-04-01")
        try f.store.anonymise("P-1", on: on, reason: .erasureRequest, requestedBy: "meera")
        let party = try #require(try f.store.party("P-1"))
        #expect(party.id == "P-1" && party.kind == .individual && party.createdOn == Parties.today)
        #expect(party.anonymisedOn == on)
        #expect(party.name == Party.anonymisedName)
        #expect([party.pan == nil, party.aadhaar == nil, party.mobile == nil, party.email == nil, party.address == nil,
                 party.bankAccount == nil, party.dateOfBirth == nil].allSatisfy { $0 })
        let view = PartyView(party, for: .full)
        #expect(view.pan == nil && view.mobile == nil && view.anonymisedOn == "2031-04-01")
        // The blind index is gone: the PAN no longer finds the party.
        #expect(try f.store.party(withPAN: try #require(PAN.parse("ABCPE1234F").value)) == nil)
        #expect(try f.store.anonymisation("P-1")
            == AnonymisationRecord(partyID: "P-1", anonymisedOn: on, reason: .erasureRequest, requestedBy: "meera"))
        #expect(try f.store.links(partyID: "P-1").map(\.loanID) == ["L-1"])
        let raw = try f.raw("party")
        #expect(!raw.contains("pii1."))
    }

    @Test(arguments: Backend.available)
    func anonymisingTwiceOrAnUnknownPartyChangesNothing(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        try f.store.anonymise("P-1", on: date("2031-04-01"), reason: .erasureRequest, requestedBy: "meera")
        let again = Result { () throws(PartyStoreError) in
            try f.store.anonymise("P-1", on: date("2031-05-01"), reason: .retentionExpired, requestedBy: "anil")
        }
        #expect(again.failure == .anonymised("P-1", on: date("2031-04-01")))
        #expect(try f.store.anonymisation("P-1")?.requestedBy == "meera")
        let unknown = Result { () throws(PartyStoreError) in
            try f.store.anonymise("P-9", on: date("2031-04-01"), reason: .erasureRequest, requestedBy: "meera")
        }
        #expect(unknown.failure == .unknownParty("P-9"))
        let link = Result { () throws(PartyStoreError) in
            try f.store.link(partyID: "P-1", loanID: "L-2", role: .applicant, on: date("2031-06-01"))
        }
        #expect(link.failure == .anonymised("P-1", on: date("2031-04-01")))
        // Its PAN is free again: a new party may be created with it.
        try f.store.create(Parties.details(Parties.ravi), id: "P-2", on: date("2031-06-01"))
    }

    /// RBI's KFS illustration loan (₹1,00,000 at 12% over 12 months) booked for Ravi, then Ravi
    /// anonymised: the loan's events, projections and GL still verify and the loan still loads.
    @Test(arguments: Backend.available)
    func theLedgerOfTheBorrowersLoanStillVerifies(_ backend: Backend) throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        let book = LoanBook(store: try f.scratch.open(), rules: ServicingRules(), catalogVersion: "test") {
            1_780_000_000_000_000
        }
        let terms = LoanTerms(principal: Money(major: 100_000), annualRate: Rate(parsing: "12%")!, installmentCount: 12,
                              disbursementDate: date("2026-01-31"))
        let booking = LoanBooking(loanID: "L-1", product: "personal-loan", schedule: try ScheduleEngine.schedule(for: terms),
                                  securityValue: .zero())
        _ = try book.activate(booking, idempotencyKey: "book-L-1")
        for day in 0...27 { _ = try book.dayEnd("L-1", on: date("2026-01-31").adding(days: day)) }  // 31 Jan to 27 Feb
        _ = try book.repay("L-1", amount: Money(minorUnits: 888_488), on: date("2026-02-28"), reference: "UTR1",
                           idempotencyKey: "pay-1")
        try f.store.link(partyID: "P-1", loanID: "L-1", role: .applicant, on: date("2026-01-31"))
        let before = try book.state("L-1")

        try f.store.anonymise("P-1", on: date("2026-12-01"), reason: .erasureRequest, requestedBy: "meera")

        let verified = try LedgerVerification.verify(try f.scratch.open())
        #expect(verified.loans == 1)
        #expect(verified.differences.isEmpty)
        #expect(try book.state("L-1") == before)
        #expect(try f.store.links(loanID: "L-1").map(\.partyID) == ["P-1"])
    }
}
