import Foundation
import HTTPTypes
import HummingbirdTesting
import Ledger
import LedgerTestSupport
import Testing

@Suite("Charges and waivers over HTTP: maker-checker through the waiver workflow")
struct WaiverRoutesTests {
    /// Rows of one GL account's balance (debits less credits, paise).
    func balance(_ server: StaffServer, _ account: String) throws -> Int64 {
        try server.harness.database.open()
            .read("SELECT COALESCE(SUM(debit) - SUM(credit), 0) FROM gl_entry WHERE account = '\(account)'", [])
            .first?.int64(0) ?? -1
    }

    @Test(
        "operations posts a ₹1,000 + ₹180 GST charge; collections asks ₹100 off; a different credit manager approves",
        arguments: Backend.available)
    func chargeAndWaiver(backend: Backend) async throws {
        let server = try StaffServer(backend)
        defer { server.remove() }
        try await server.app.test(.router) { raw in
            let staff = try Staff.sign(server, APIClient(client: raw), Staff.cast)
            try await staff.bookIllustration()
            try await staff.dayEnds(through: "2026-02-09")
            let charge = #"{"kind":"other","amount":"1000","gst":"180","date":"2026-02-10","reason":"legal notice"}"#
            #expect(try await staff.post("lo", "/api/v1/loans/L-1/charges", charge).status == .forbidden)
            let charged = try await staff.post("ops", "/api/v1/loans/L-1/charges", charge)
            #expect(charged.status == .created, "\(charged.text)")
            #expect(try balance(server, "1210") == 118_000)

            let request = #"{"amount":"100","kind":"other","date":"2026-02-10","reason":"goodwill"}"#
            #expect(try await staff.post("ops", "/api/v1/loans/L-1/waivers", request).status == .forbidden)
            let requested = try await staff.post("col", "/api/v1/loans/L-1/waivers", request)
            #expect(requested.status == .created, "\(requested.text)")
            #expect(requested.state == "drafted" && requested.caseID == "WV-L-1-1")
            #expect(requested.pending.first?["maker"] as? String == "col")
            #expect(try balance(server, "1210") == 118_000, "nothing is waived before a checker approves")

            let approval = #"{"event":"request","date":"2026-02-10","decision":"approve"}"#
            // Operations takes no part in waivers; a collections officer may not approve.
            #expect(try await staff.post("ops", "/api/v1/cases/WV-L-1-1/approvals", approval).status == .forbidden)
            #expect(try await staff.post("col", "/api/v1/cases/WV-L-1-1/approvals", approval).status == .forbidden)
            let approved = try await staff.post("cm1", "/api/v1/cases/WV-L-1-1/approvals", approval)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(approved.state == "waived" && approved.json["final"] as? Bool == true)
            // ₹100 of ₹1,180: GST 100 × 180 / 1,180 = 15.254… → ₹15.25 reversed, fee income ₹84.75.
            #expect(try balance(server, "1210") == 108_000)
            #expect(try balance(server, "2100") == -18_000 + 1_525 && balance(server, "4200") == -100_000 + 8_475)
            let loan = try await staff.get("ops", "/api/v1/loans/L-1")
            let charges = loan.json["charges"] as? [[String: Any]] ?? []
            #expect(charges.first?["waived"] as? String == "100.00")
            let cases = try await staff.get("ops", "/api/v1/loans/L-1/cases")
            #expect((cases.json["cases"] as? [[String: Any]])?.count == 1)
            let shown = try await staff.get("ops", "/api/v1/cases/WV-L-1-1")
            let history = shown.json["history"] as? [[String: Any]] ?? []
            #expect(history.map { $0["outcome"] as? String ?? "" }
                == ["opened in drafted", "approval requested (1 checker)", "moved, approved by cm1"])
            #expect(history.last?["actions"] as? [String] == ["loan.waive"])
        }
    }

    @Test(
        "a maker who is also a credit manager may not approve their own waiver; nothing is waived",
        arguments: Backend.available)
    func makerIsNotChecker(backend: Backend) async throws {
        let server = try StaffServer(backend)
        defer { server.remove() }
        try await server.app.test(.router) { raw in
            let staff = try Staff.sign(server, APIClient(client: raw), Staff.cast)
            try await staff.bookIllustration()
            let charge = #"{"kind":"bounce","amount":"500","gst":"90","date":"2026-01-31","reason":"NACH return"}"#
            #expect(try await staff.post("ops", "/api/v1/loans/L-1/charges", charge).status == .created)
            let request = #"{"amount":"590","date":"2026-01-31","reason":"bank error"}"#
            #expect(try await staff.post("both", "/api/v1/loans/L-1/waivers", request).status == .created)
            let own = try await staff.post("both", "/api/v1/cases/WV-L-1-1/approvals",
                                           #"{"event":"request","date":"2026-01-31","decision":"approve"}"#)
            #expect(own.status == .forbidden && own.problemFields == ["event"], "\(own.text)")
            #expect((own.json["detail"] as? String)?.contains("`both` made the request") == true)
            #expect(try balance(server, "1210") == 59_000)
            // A second waiver case cannot open while this one runs.
            let again = try await staff.post("col", "/api/v1/loans/L-1/waivers", request)
            #expect(again.status == .conflict)
            // The maker may withdraw the request; then the case can be closed.
            let declined = try await staff.post("both", "/api/v1/cases/WV-L-1-1/approvals",
                                                #"{"event":"request","date":"2026-01-31","decision":"decline"}"#)
            #expect(declined.status == .ok && declined.pending.isEmpty, "\(declined.text)")
            let withdrawn = try await staff.post("col", "/api/v1/cases/WV-L-1-1/events",
                                                 #"{"event":"withdraw","date":"2026-01-31"}"#)
            #expect(withdrawn.state == "withdrawn")
        }
    }

    @Test(
        "bad waiver, charge and event bodies: 400 naming each field, and nothing written",
        arguments: Backend.available)
    func badInput(backend: Backend) async throws {
        let server = try StaffServer(backend)
        defer { server.remove() }
        try await server.app.test(.router) { raw in
            let staff = try Staff.sign(server, APIClient(client: raw), Staff.cast)
            try await staff.bookIllustration()
            let events = try server.harness.eventCount()
            let waiver = try await staff.post("col", "/api/v1/loans/L-1/waivers",
                                              #"{"amount":"12.345","kind":"late","date":"2026-02-30","colour":"red"}"#)
            #expect(waiver.status == .badRequest)
            #expect(Set(waiver.problemFields) == ["amount", "kind", "date", "reason", "colour"])
            let charge = try await staff.post("ops", "/api/v1/loans/L-1/charges",
                                              #"{"kind":"penal","amount":"5","gst":"-1","date":"2026-01-31","reason":"x"}"#)
            #expect(charge.status == .badRequest && Set(charge.problemFields) == ["kind", "gst"])
            // More than is unpaid: the loan book's refusal names the amount.
            let tooMuch = try await staff.post("col", "/api/v1/loans/L-1/waivers",
                                               #"{"amount":"1","date":"2026-01-31","reason":"x"}"#)
            #expect(tooMuch.status == .unprocessableContent && tooMuch.problemFields == ["amount"], "\(tooMuch.text)")
            #expect(try server.harness.eventCount() == events)
            let cases = try await staff.get("col", "/api/v1/loans/L-1/cases")
            #expect((cases.json["cases"] as? [Any])?.isEmpty == true)
            #expect(try await staff.get("col", "/api/v1/cases/WV-L-1-9").status == .notFound)
        }
    }
}
