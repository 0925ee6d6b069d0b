import Foundation
import HTTPTypes
import HummingbirdTesting
import Ledger
import LedgerTestSupport
import Testing

@Suite("Restructure and write-off over HTTP through their workflows")
struct RestructureWriteOffRoutesTests {
    func count(_ server: StaffServer, _ type: String) throws -> Int64 {
        try server.harness.database.open()
            .read("SELECT COUNT(*) FROM loan_event WHERE event_type = '\(type)'", []).first?.int64(0) ?? -1
    }

    @Test(
        "proposed by a credit analyst, approved by a credit manager, implemented on consent; refusals change nothing",
        arguments: Backend.available)
    func restructure(backend: Backend) async throws {
        let server = try StaffServer(backend)
        defer { server.remove() }
        try await server.app.test(.router) { raw in
            let staff = try Staff.sign(server, APIClient(client: raw), Staff.cast)
            try await staff.overdueLoan(through: "2026-04-09")
            let proposal = #"{"rate":"10%","installments":18,"date":"2026-04-10","reason":"income loss"}"#
            #expect(try await staff.post("lo", "/api/v1/loans/L-1/restructures", proposal).status == .forbidden)
            let bad = try await staff.post("ca", "/api/v1/loans/L-1/restructures",
                                           #"{"rate":"ten","installments":0,"date":"2026-04-10","reason":"x"}"#)
            #expect(bad.status == .badRequest && Set(bad.problemFields) == ["rate", "installments"])
            let proposed = try await staff.post("ca", "/api/v1/loans/L-1/restructures", proposal)
            #expect(proposed.status == .created && proposed.state == "assessment", "\(proposed.text)")
            let uri = "/api/v1/cases/RS-L-1-1/events"
            let wrongType = try await staff.post("ca", uri, #"{"event":"approve","date":"2026-04-10","context":{"eligible":"yes","outstanding":"1"}}"#)
            #expect(wrongType.status == .badRequest
                && Set(wrongType.problemFields) == ["context.eligible", "context.outstanding"], "\(wrongType.text)")
            let unknown = try await staff.post("ca", uri, #"{"event":"approv","date":"2026-04-10"}"#)
            #expect(unknown.status == .badRequest && unknown.problemFields == ["event"])
            let asked = try await staff.post("ca", uri, #"{"event":"approve","date":"2026-04-10","context":{"eligible":true}}"#)
            #expect(asked.status == .ok && asked.pending.first?["maker"] as? String == "ca", "\(asked.status) \(asked.text)")
            let approval = #"{"event":"approve","date":"2026-04-10","decision":"approve"}"#
            // The analyst holds no approve permission; the credit manager does.
            #expect(try await staff.post("ca", "/api/v1/cases/RS-L-1-1/approvals", approval).status == .forbidden)
            let approved = try await staff.post("cm1", "/api/v1/cases/RS-L-1-1/approvals", approval)
            #expect(approved.state == "approved", "\(approved.text)")

            let noConsent = try await staff.post("ca", uri,
                #"{"event":"accept","date":"2026-04-10","context":{"borrower_consent":false}}"#)
            #expect(noConsent.status == .unprocessableContent && noConsent.problemFields == ["context"])
            // A date past the loan's business date: the loan book refuses, the case stays approved.
            let future = try await staff.post("ca", uri,
                #"{"event":"accept","date":"2026-04-12","context":{"borrower_consent":true}}"#)
            #expect(future.status == .unprocessableContent && future.problemFields == ["date"], "\(future.text)")
            #expect(try await staff.get("ca", "/api/v1/cases/RS-L-1-1").state == "approved")
            #expect(try count(server, "restructure") == 0)

            let accepted = try await staff.post("ca", uri,
                #"{"event":"accept","date":"2026-04-10","context":{"borrower_consent":true}}"#)
            #expect(accepted.state == "implemented", "\(accepted.text)")
            #expect(try count(server, "restructure") == 1)
            // Capitalised: instalment 2's interest ₹921.15 and 9 of 30 days of instalment 3's ₹841.51
            // (⌊84,151 × 9 / 30⌋ paise = ₹252.45): 92,115.12 + 1,173.60 = ₹93,288.72.
            let loan = try await staff.get("ca", "/api/v1/loans/L-1")
            #expect(loan.json["principal_outstanding"] as? String == "93288.72")
            #expect(loan.json["asset_class"] as? String == "substandard")
        }
    }

    @Test(
        "write-off: refused below doubtful D3; two distinct checkers after the credit manager; finance posts it",
        arguments: Backend.available)
    func writeOff(backend: Backend) async throws {
        let server = try StaffServer(backend)
        defer { server.remove() }
        try await server.app.test(.router) { raw in
            let staff = try Staff.sign(server, APIClient(client: raw), Staff.cast)
            try await staff.overdueLoan(through: "2026-07-31")
            let early = try await staff.post("col", "/api/v1/loans/L-1/write-offs",
                                             #"{"date":"2026-08-01","reason":"no recovery prospects"}"#)
            #expect(early.status == .unprocessableContent && early.problemFields == ["context"], "\(early.text)")
            #expect((try await staff.get("col", "/api/v1/loans/L-1/cases").json["cases"] as? [Any])?.isEmpty == true)
            // NPA from 29 Jun 2026 (instalment 2 of 31 Mar unpaid 90 days); D3 after 12 + 12 + 24 months.
            for year in ["2027-07-31", "2028-07-31", "2029-07-31", "2030-07-31"] { try await staff.dayEnds(through: year) }
            #expect(try await staff.get("col", "/api/v1/loans/L-1").json["asset_class"] as? String == "doubtful-d3")
            let recommended = try await staff.post("col", "/api/v1/loans/L-1/write-offs",
                                                   #"{"date":"2030-08-01","reason":"no recovery prospects"}"#)
            #expect(recommended.state == "recommended", "\(recommended.text)")
            let events = "/api/v1/cases/WO-L-1-1/events", approvals = "/api/v1/cases/WO-L-1-1/approvals"
            let approve = #"{"event":"approve","date":"2030-08-01","decision":"approve"}"#
            // The committee: cm1 puts the approval forward, two others check it.
            #expect(try await staff.post("fin", events, #"{"event":"approve","date":"2030-08-01"}"#).status == .forbidden)
            let asked = try await staff.post("cm1", events, #"{"event":"approve","date":"2030-08-01"}"#)
            #expect(asked.pending.first?["checkers_needed"] as? Int == 2, "\(asked.text)")
            #expect(try await staff.post("cm1", approvals, approve).status == .forbidden)
            let first = try await staff.post("cm2", approvals, approve)
            #expect(first.state == "recommended" && (first.pending.first?["approved_by"] as? [String]) == ["cm2"])
            #expect(try await staff.post("cm2", approvals, approve).status == .conflict)
            #expect(try await staff.post("col", approvals, approve).status == .forbidden)
            let early2 = try await staff.post("fin", events, #"{"event":"execute","date":"2030-08-01"}"#)
            #expect(early2.status == .conflict)
            #expect(try count(server, "writeoff") == 0)
            let second = try await staff.post("fin", approvals, approve)
            #expect(second.state == "approved", "\(second.text)")
            #expect(try count(server, "writeoff") == 0, "approved is not yet posted")
            #expect(try await staff.post("lo", events, #"{"event":"execute","date":"2030-08-01"}"#).status == .forbidden)
            #expect(try await staff.post("cm2", events, #"{"event":"execute","date":"2030-08-01"}"#).status == .forbidden)
            let posted = try await staff.post("fin", events, #"{"event":"execute","date":"2030-08-01"}"#)
            #expect(posted.state == "written-off", "\(posted.text)")
            #expect(try count(server, "writeoff") == 1)
            #expect(try await staff.get("fin", "/api/v1/loans/L-1").json["status"] as? String == "written-off")
        }
    }
}
