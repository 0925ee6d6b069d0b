import Catalog
import Foundation
import Testing
@testable import Origination

/// KFS expiry and re-issue, the workflow's timers, integration failures and their retry, and
/// requests refused field by field.
@Suite("Origination E2E: KFS expiry, timers, integration failure and retry, refusals")
struct ApplicationFailureTests {
    @Test("an expired KFS cannot be accepted; a re-issued one (new proposal number) can")
    func kfsExpiryAndReissue() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            let sanctioned = try await staff.createAndSubmit("APP-7", ApplicationRequests.create(id: "APP-7"))
            #expect(sanctioned.kfs["valid_until"] as? String == "2026-03-06")
            let late = try await staff.post("lo", "/api/v1/applications/APP-7/accept-kfs",
                                            #"{"proposal_number":"KFS-APP-7-1","date":"2026-03-07"}"#)
            #expect(late.status == .conflict && late.problemFields == ["date"], "\(late.text)")
            let reissued = try await staff.post("lo", "/api/v1/applications/APP-7/reissue-kfs",
                                                ApplicationRequests.dated("2026-03-07"))
            #expect(reissued.kfs["proposal_number"] as? String == "KFS-APP-7-2", "\(reissued.text)")
            // From Sat 7 Mar: Mon 9, Tue 10, Wed 11.
            #expect(reissued.kfs["valid_until"] as? String == "2026-03-11")
            let stale = try await staff.post("lo", "/api/v1/applications/APP-7/accept-kfs",
                                             #"{"proposal_number":"KFS-APP-7-1","date":"2026-03-08"}"#)
            #expect(stale.status == .conflict && stale.problemFields == ["proposal_number"])
            let accepted = try await staff.post("lo", "/api/v1/applications/APP-7/accept-kfs",
                                                #"{"proposal_number":"KFS-APP-7-2","date":"2026-03-09"}"#)
            #expect(accepted.state == "disbursement", "\(accepted.text)")
        }
    }

    @Test("timers: a sanction lapses after 7 days, a draft after 30, a referral escalates after 48 hours")
    func timersExpire() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            _ = try await staff.createAndSubmit("APP-8", ApplicationRequests.create(id: "APP-8"))
            _ = try await staff.post("lo", "/api/v1/applications", ApplicationRequests.create(id: "APP-9"))
            let early = try await staff.post("ops", "/api/v1/applications/timers", ApplicationRequests.dated("2026-03-08"))
            #expect((early.json["fired"] as? [Any])?.isEmpty == true, "\(early.text)")
            let week = try await staff.post("ops", "/api/v1/applications/timers", ApplicationRequests.dated("2026-03-09"))
            #expect((week.json["fired"] as? [[String: Any]])?.map { $0["application_id"] as? String } == ["APP-8"])
            #expect(try await staff.application("APP-8").state == "expired")
            _ = try await staff.post("ops", "/api/v1/applications/timers", ApplicationRequests.dated("2026-04-01"))
            #expect(try await staff.application("APP-9").state == "expired")

            // A referral waits 48 hours for an analyst, then escalates to the credit managers.
            _ = try await staff.createAndSubmit("APP-15", ApplicationRequests.create(id: "APP-15", monthsInJob: 2,
                                                                                      date: "2026-04-01"),
                                                date: "2026-04-01")
            _ = try await staff.post("ops", "/api/v1/applications/timers", ApplicationRequests.dated("2026-04-03"))
            let escalated = try await staff.application("APP-15")
            #expect(escalated.state == "manual-review-escalated", "\(escalated.text)")
            let analyst = try await staff.post("ca", "/api/v1/applications/APP-15/decisions",
                                               #"{"decision":"approve","date":"2026-04-03"}"#)
            #expect(analyst.status == .forbidden)
        }
    }

    @Test("KYC down on the first call: the application waits in kyc, pending; retry goes on to sanction")
    func kycFailureAndRetry() async throws {
        let server = try OriginationServer(faults: [.kyc: .failing(1...1, with: .serverError(status: 503))])
        try await server.test { staff in
            let waiting = try await staff.createAndSubmit("APP-10", ApplicationRequests.create(id: "APP-10"))
            #expect(waiting.state == "kyc" && waiting.pendingStep == "kyc: the service failed (HTTP 503)",
                    "\(waiting.text)")
            #expect(waiting.json["kyc"] is NSNull)
            let retried = try await staff.post("lo", "/api/v1/applications/APP-10/retry",
                                               ApplicationRequests.dated("2026-03-03"))
            #expect(retried.state == "sanctioned" && retried.pendingStep == nil, "\(retried.text)")
            let nothing = try await staff.post("lo", "/api/v1/applications/APP-10/retry",
                                               ApplicationRequests.dated("2026-03-03"))
            #expect(nothing.status == .conflict)
        }
    }

    @Test("bureau timeout: pending in underwriting, no decision; retry decides")
    func bureauFailureAndRetry() async throws {
        let server = try OriginationServer(faults: [.creditBureau: .failing(1...2, with: .timeout)])
        try await server.test { staff in
            let waiting = try await staff.createAndSubmit("APP-11", ApplicationRequests.create(id: "APP-11"))
            #expect(waiting.state == "underwriting" && waiting.json["decision"] is NSNull, "\(waiting.text)")
            let still = try await staff.post("lo", "/api/v1/applications/APP-11/retry", ApplicationRequests.dated("2026-03-02"))
            #expect(still.state == "underwriting" && still.pendingStep?.hasPrefix("credit-bureau") == true, "\(still.text)")
            let decided = try await staff.post("lo", "/api/v1/applications/APP-11/retry", ApplicationRequests.dated("2026-03-02"))
            #expect(decided.state == "sanctioned", "\(decided.text)")
        }
    }

    @Test("e-sign and mandate down once: acceptance and disbursement wait for a retry")
    func eSignAndMandateFailures() async throws {
        let down = FaultPlan.failing(1...1, with: .serverError(status: 503))
        let server = try OriginationServer(faults: [.eSign: down, .nachMandate: down])
        try await server.test { staff in
            let sanctioned = try await staff.createAndSubmit("APP-16", ApplicationRequests.create(id: "APP-16"))
            #expect(sanctioned.state == "sanctioned" && sanctioned.pendingStep?.hasPrefix("e-sign") == true,
                    "\(sanctioned.text)")
            let acceptance = #"{"proposal_number":"KFS-APP-16-1","date":"2026-03-03"}"#
            let early = try await staff.post("lo", "/api/v1/applications/APP-16/accept-kfs", acceptance)
            #expect(early.status == .conflict && early.problemFields == ["proposal_number"], "\(early.text)")
            let signed = try await staff.post("lo", "/api/v1/applications/APP-16/retry", ApplicationRequests.dated("2026-03-03"))
            #expect(signed.pendingStep == nil && signed.kfs["esign_reference"] is String, "\(signed.text)")
            let accepted = try await staff.post("lo", "/api/v1/applications/APP-16/accept-kfs", acceptance)
            #expect(accepted.state == "disbursement" && accepted.pendingStep?.hasPrefix("nach-mandate") == true,
                    "\(accepted.text)")
            let refused = try await staff.post("ops", "/api/v1/applications/APP-16/disburse", ApplicationRequests.dated("2026-03-04"))
            #expect(refused.status == .conflict)
            let registered = try await staff.post("lo", "/api/v1/applications/APP-16/retry",
                                                  ApplicationRequests.dated("2026-03-04"))
            #expect(registered.json["mandate_reference"] is String && registered.pendingStep == nil)
            let requested = try await staff.post("ops", "/api/v1/applications/APP-16/disburse",
                                                 ApplicationRequests.dated("2026-03-04"))
            #expect(requested.pending.count == 1, "\(requested.text)")
        }
    }

    @Test("the disbursement rail fails: nothing is paid or booked; the checker approves again and it books")
    func disbursementFailure() async throws {
        let server = try OriginationServer(faults: [.disbursement: .failing(1...1, with: .serverError(status: 502))])
        try await server.test { staff in
            _ = try await staff.createAndSubmit("APP-12", ApplicationRequests.create(id: "APP-12"))
            _ = try await staff.post("lo", "/api/v1/applications/APP-12/accept-kfs",
                                     #"{"proposal_number":"KFS-APP-12-1","date":"2026-03-03"}"#)
            _ = try await staff.post("ops", "/api/v1/applications/APP-12/disburse", ApplicationRequests.dated("2026-03-05"))
            let approval = #"{"event":"disburse","decision":"approve","date":"2026-03-05"}"#
            let failed = try await staff.post("fin", "/api/v1/applications/APP-12/approvals", approval)
            #expect(failed.status == .serviceUnavailable, "\(failed.text)")
            let after = try await staff.application("APP-12")
            #expect(after.state == "disbursement" && after.json["loan_id"] is NSNull && after.pending.count == 1)
            #expect(try await staff.get("lo", "/api/v1/loans/LN-APP-12").status == .notFound)
            let booked = try await staff.post("fin", "/api/v1/applications/APP-12/approvals", approval)
            #expect(booked.state == "booked", "\(booked.text)")
        }
    }

    @Test("refusals name their fields and write nothing")
    func refusals() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            let bad = try await staff.post("lo", "/api/v1/applications", """
                {"product":"personal-loan","amount":"-5","tenure":0,"date":"2026-02-30","employment_type":"retired",
                 "months_in_job":3,"monthly_income":"50000","applicant":{"name":"A","pan":"123"},"colour":"red"}
                """)
            #expect(bad.status == .badRequest)
            #expect(Set(bad.problemFields) == ["amount", "tenure", "date", "employment_type", "colour"], "\(bad.text)")
            let party = try await staff.post("lo", "/api/v1/applications", """
                {"product":"personal-loan","amount":"500000","tenure":36,"date":"2026-03-02","employment_type":"salaried",
                 "months_in_job":3,"monthly_income":"50000","applicant":{"name":"A","pan":"123"}}
                """)
            #expect(party.problemFields == ["applicant.pan"], "\(party.text)")
            let limits = try await staff.post("lo", "/api/v1/applications",
                                              ApplicationRequests.create(id: "APP-13", amount: "3000000", tenure: 90))
            #expect(limits.status == .unprocessableContent && Set(limits.problemFields) == ["amount", "tenure"],
                    "\(limits.text)")
            _ = try await staff.post("lo", "/api/v1/applications", ApplicationRequests.create(id: "APP-14"))
            let backdated = try await staff.post("lo", "/api/v1/applications/APP-14/submit",
                                                 ApplicationRequests.dated("2026-03-01"))
            #expect(backdated.status == .badRequest && backdated.problemFields == ["date"])
            let early = try await staff.post("lo", "/api/v1/applications/APP-14/submit", ApplicationRequests.dated("2026-03-02"))
            #expect(early.status == .unprocessableContent)
            #expect(Set(early.problemFields) == ["documents.identity-proof", "documents.income-proof"])
            #expect(try await staff.application("APP-14").state == "draft")
            let list = try await staff.get("lo", "/api/v1/applications")
            #expect((list.json["counts"] as? [String: Any])?["draft"] as? Int == 1)
        }
    }
}
