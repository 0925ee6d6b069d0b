import Foundation
import Ledger
import LoanMath
import Testing
@testable import Servicing

/// The booking's payloads (activation with its schedule, disbursement, provision) are read by the
/// flat reader when a process first loads a loan. These tests hold it to Foundation's decoder: the
/// same values from what the general encoder wrote, and nil for anything else.
@Suite("Booking payloads read directly match Foundation's JSON decoder")
struct LoadPayloadTests {
    static let rows = [
        ActivatePayload.Row(n: 1, start: "2026-01-31", due: "2026-02-28", principal: 788_488, interest: 100_000),
        ActivatePayload.Row(n: 2, start: "2026-02-28", due: "2026-03-31", principal: 796_373, interest: 92_115),
    ]

    static let activations: [ActivatePayload] = [
        ActivatePayload(product: "personal-loan", currency: "INR", principal: 10_000_000, rate: "12%",
                        disbursementDate: "2026-01-31", securityValue: 0, schedule: rows),
        ActivatePayload(product: "home-loan", currency: "INR", principal: 7_520_145_400, rate: "8.5%",
                        disbursementDate: "2026-01-10", securityValue: 9_000_000_000, schedule: rows,
                        frequency: .monthly, dayCount: .actual365, sanctioned: 8_000_000_000),
        ActivatePayload(product: "msme-term-loan", currency: "USD", principal: 1, rate: "0%", disbursementDate: "2026-01-10",
                        securityValue: -1, schedule: [], frequency: .quarterly, dayCount: .thirty360),
    ]

    @Test("activations, with and without the optional terms, read as the general decoder reads them",
          arguments: activations)
    func activation(payload: ActivatePayload) throws {
        let general = ServicingPayload.encode(payload)
        #expect(ActivatePayload(json: general) == payload)
        #expect(try ServicingPayload.decode(ActivatePayload.self, general) == payload)
    }

    @Test("disbursements: the booking's amount alone, and a tranche with its schedule")
    func disbursement() throws {
        for payload in [
            DisbursePayload(amount: 10_000_000),
            DisbursePayload(amount: 2_500_000, tranche: 2, reference: "UTR-77/B", schedule: Self.rows, accruedBefore: 41_096,
                            accruedDays: 15),
        ] {
            let general = ServicingPayload.encode(payload)
            #expect(DisbursePayload(json: general) == payload)
        }
    }

    @Test("provisions read as the general decoder reads them")
    func provision() throws {
        let payload = ProvisionPayload(assetClass: .substandard, required: 1_500_000, previous: 40_000)
        let general = ServicingPayload.encode(payload)
        #expect(ProvisionPayload(json: general) == payload)
    }

    @Test("anything but the written shape reads as nil, for the general decoder to take", arguments: [
        // An unknown key; a key twice; a row with a field missing; a row with a field too many.
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","schedule":[],"security_value":0,"x":1}"#,
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"principal":2,"product":"p","rate":"1%","schedule":[],"security_value":0}"#,
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","schedule":[{"due":"2026-02-10","interest":1,"n":1,"start":"2026-01-10"}],"security_value":0}"#,
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","schedule":[{"due":"2026-02-10","interest":1,"n":1,"principal":1,"start":"2026-01-10","x":0}],"security_value":0}"#,
        // An unknown frequency; a null sanctioned amount; a schedule nested a level deeper; unterminated.
        #"{"currency":"INR","disbursement_date":"2026-01-10","frequency":"hourly","principal":1,"product":"p","rate":"1%","schedule":[],"security_value":0}"#,
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","sanctioned":null,"schedule":[],"security_value":0}"#,
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","schedule":[[]],"security_value":0}"#,
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","schedule":[{"due":"2026-02-10""#,
        // Rows in the written order, the second cut short or holding an escape.
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","schedule":[{"due":"2026-02-10","interest":1,"n":1,"principal":1,"start":"2026-01-10"},{"due":"2026-03-10","interest":1}],"security_value":0}"#,
        #"{"currency":"INR","disbursement_date":"2026-01-10","principal":1,"product":"p","rate":"1%","schedule":[{"due":"2026-02-10","interest":1,"n":1,"principal":1,"start":"2026-01-10"},{"due":"2026-03-\\10","interest":1,"n":2,"principal":1,"start":"2026-02-10"}],"security_value":0}"#,
    ])
    func refused(text: String) {
        #expect(ActivatePayload(json: text) == nil)
    }

    @Test("schedule rows with their keys in another order are left to the general decoder, which reads them")
    func rowsInAnotherOrder() throws {
        let text = #"{"currency":"INR","disbursement_date":"2026-01-10","principal":200,"product":"p","rate":"12%","schedule":[{"n":1,"start":"2026-01-10","due":"2026-02-10","principal":100,"interest":2},{"due":"2026-03-10","interest":1,"n":2,"principal":100,"start":"2026-02-10"}],"security_value":0}"#
        #expect(ActivatePayload(json: text) == nil)
        let read = try ServicingPayload.decode(ActivatePayload.self, text)
        #expect(read.schedule == [.init(n: 1, start: "2026-01-10", due: "2026-02-10", principal: 100, interest: 2),
                                  .init(n: 2, start: "2026-02-10", due: "2026-03-10", principal: 100, interest: 1)])
    }

    @Test("a replayed loan is the same whichever reader took its booking")
    func replayAgrees() throws {
        let booking = try rbiBooking()
        func event(_ index: Int, _ new: NewEvent, payload: String? = nil) -> LoanEvent {
            LoanEvent(loanID: "L-1", sequence: Int64(index + 1), type: new.type, valueDate: new.valueDate,
                      recordedAt: 0, idempotencyKey: "book", catalogVersion: "test", payload: payload ?? new.payload)
        }
        let decided = try LoanDecisions.activate(booking)
        let events = decided.enumerated().map { event($0, $1) }
        let fast = try #require(try LoanState.replay(events))
        // The same events with the activation spaced otherwise: only the general decoder reads it.
        let reordered = decided.enumerated().map { index, new -> LoanEvent in
            // A space after the brace: valid JSON, not the encoder's shape.
            guard new.type == .activate else { return event(index, new) }
            return event(index, new, payload: "{ " + new.payload.dropFirst())
        }
        #expect(ActivatePayload(json: reordered[0].payload) == nil)
        #expect(try LoanState.replay(reordered) == fast)
    }
}
