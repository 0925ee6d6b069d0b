import Foundation
import Ledger
import LoanMath
import Testing
@testable import Servicing

/// The day end writes accrual and penal-charge payloads with a hand-written flat JSON codec. These
/// tests hold it to Foundation's JSONEncoder/JSONDecoder (the general path every other payload
/// takes): the same bytes out, the same values back, and anything unusual left to the decoder.
@Suite("Flat payload codec matches Foundation's JSON coders")
struct PayloadCodecTests {
    static let reasons = [
        "Penal charge on instalment 3", "", "₹ पेनल शुल्क — किस्त ३", "path/with/slashes", "quote \" and backslash \\",
        "tab\tnew line\ncarriage\rbell\u{07}nul\u{00}unit\u{1F}", "backspace\u{08}form feed\u{0C}", "emoji 🇮🇳 and é",
        "delete\u{7F}and line separator\u{2028}",
    ]

    @Test("accrual payloads encode to the general encoder's bytes and decode back", arguments: [
        AccrualPayload(amount: 0, installment: 1, suspended: false, dpd: 0),
        AccrualPayload(amount: 2_739, installment: 12, suspended: true, dpd: 91),
        AccrualPayload(amount: -45, installment: 0, suspended: false, dpd: 1_000),
        AccrualPayload(amount: Int64.max, installment: Int.max, suspended: true, dpd: Int.max),
        AccrualPayload(amount: Int64.min, installment: Int.min, suspended: false, dpd: Int.min),
    ])
    func accrual(payload: AccrualPayload) throws {
        let general = ServicingPayload.encode(payload)
        #expect(payload.json == general)
        #expect(AccrualPayload(json: general) == payload)
        #expect(try ServicingPayload.decode(AccrualPayload.self, payload.json) == payload)
    }

    @Test("charge payloads with and without GST, reasons with escapes and non-ASCII text", arguments: reasons)
    func charge(reason: String) throws {
        for payload in [
            ChargePayload(kind: .penal, installment: 3, amount: 1_250, reason: reason),
            ChargePayload(kind: .bounce, installment: 0, amount: 50_000, reason: reason, gst: 9_000),
        ] {
            let general = ServicingPayload.encode(payload)
            #expect(payload.json == general, "reason \(reason.debugDescription)")
            #expect(try ServicingPayload.decode(ChargePayload.self, payload.json) == payload)
            // Text with escapes is left to the general decoder; plain text is read directly.
            let direct = ChargePayload(json: general)
            #expect(direct == nil || direct == payload)
            if !general.contains("\\") { #expect(direct == payload) }
        }
    }

    @Test("anything but the flat shape reads as nil, so the general decoder takes it", arguments: [
        #"{"amount":1,"dpd":0,"installment":1}"#,                                  // a field missing
        #"{"amount":1,"dpd":0,"installment":1,"suspended":false,"extra":1}"#,      // a field too many
        #"{"amount":1.5,"dpd":0,"installment":1,"suspended":false}"#,              // a fraction
        #"{"amount":1e3,"dpd":0,"installment":1,"suspended":false}"#,              // an exponent
        #"{"amount":01,"dpd":0,"installment":1,"suspended":false}"#,               // a leading zero
        #"{"amount":9223372036854775808,"dpd":0,"installment":1,"suspended":false}"#, // past Int64
        #"{"amount":"1","dpd":0,"installment":1,"suspended":false}"#,              // a string amount
        #"{"amount":1,"dpd":0,"installment":1,"suspended":0}"#,                    // a number for a bool
        #"{"amount":1, "dpd":0,"installment":1,"suspended":false}"#,               // whitespace
        #"{"amount":1,"dpd":0,"installment":1,"suspended":false} "#,               // trailing text
        #"{"amount":1,"dpd":0,"installment":1,"suspended":{}}"#,                   // nesting
        #"{"amount":1,"dpd":0,"installment":1,"suspended":false"#,                 // unterminated
        "", "[]", "null",
    ])
    func notFlat(text: String) {
        #expect(AccrualPayload(json: text) == nil)
    }

    @Test("a charge with an unknown kind or a GST that is not an integer is not read directly")
    func chargeOddities() throws {
        #expect(ChargePayload(json: #"{"amount":1,"installment":1,"kind":"late","reason":"x"}"#) == nil)
        #expect(ChargePayload(json: #"{"amount":1,"gst":null,"installment":1,"kind":"penal","reason":"x"}"#) == nil)
        // The general decoder reads an explicit null GST as no GST; the fallback keeps that meaning.
        let text = #"{"amount":1,"gst":null,"installment":1,"kind":"penal","reason":"x"}"#
        #expect(try ServicingPayload.decode(ChargePayload.self, text) == ChargePayload(kind: .penal, installment: 1, amount: 1, reason: "x"))
        #expect(try LoanState.chargePayload(LoanEvent(loanID: "L-1", sequence: 3, type: .charge, valueDate: LocalDate(iso: "2026-04-01")!,
                                                     recordedAt: 0, idempotencyKey: "k", catalogVersion: "v", payload: text)) ==
            ChargePayload(kind: .penal, installment: 1, amount: 1, reason: "x"))
    }
}
