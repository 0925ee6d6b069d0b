import Foundation
import Testing

/// Referral, rejection and withdrawal over HTTP.
@Suite("Origination E2E: refer, reject, withdraw")
struct ApplicationReviewTests {
    /// ₹12,00,000 for 36 months on ₹2,50,000 a month with 3 months in the job: R12 refers it. The
    /// pricing row is the same as the fast track's (FOIR 41,013 / 2,50,000 = 16%): 11.50%.
    /// EMI: 12,00,000 × i / (1 − (1 + i)^−36), i = 0.115 / 12 → 39,571.2077 → ₹39,571.21.
    @Test("refer → analyst approves → above ₹10 lakh a credit manager checks → sanctioned")
    func referThenApproveWithChecker() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            let body = ApplicationRequests.create(id: "APP-2", amount: "1200000", income: "250000", monthsInJob: 3)
            let referred = try await staff.createAndSubmit("APP-2", body)
            #expect(referred.state == "manual-review", "\(referred.text)")
            #expect(referred.json["borrower_reason_codes"] as? [String] == ["JOB_TENURE_SHORT"])
            let reasons = try #require(referred.decision["reasons"] as? [[String: Any]])
            #expect(reasons.first?["message"] as? String == "Less than 6 months with the current employer")

            let officer = try await staff.post("lo", "/api/v1/applications/APP-2/decisions",
                                               #"{"decision":"approve","date":"2026-03-03"}"#)
            #expect(officer.status == .forbidden)
            let made = try await staff.post("ca", "/api/v1/applications/APP-2/decisions",
                                            #"{"decision":"approve","note":"stable employer","date":"2026-03-03"}"#)
            #expect(made.state == "manual-review" && made.pending.first?["checkers_needed"] as? Int == 1, "\(made.text)")
            let own = try await staff.post("ca", "/api/v1/applications/APP-2/approvals",
                                           #"{"event":"approve","decision":"approve","date":"2026-03-03"}"#)
            #expect(own.status == .forbidden)
            let checked = try await staff.post("cm1", "/api/v1/applications/APP-2/approvals",
                                               #"{"event":"approve","decision":"approve","date":"2026-03-05"}"#)
            #expect(checked.state == "sanctioned", "\(checked.text)")
            #expect(checked.sanction["installment"] as? String == "39571.21")
            #expect(checked.kfs["issued_on"] as? String == "2026-03-05")
            // Three working days from Thu 5 Mar: Fri 6, Sat 7 (a first Saturday: banks open), Mon 9.
            #expect(checked.kfs["valid_until"] as? String == "2026-03-09")

            // Turnaround: in manual review from submission (2 Mar) to the checker's approval (5 Mar), 3 days.
            let pipeline = try await staff.get("lo", "/api/v1/applications?state=sanctioned&asOf=2026-03-07")
            let listed = try #require(pipeline.json["applications"] as? [[String: Any]])
            #expect(listed.map { $0["application_id"] as? String } == ["APP-2"])
            #expect(listed.first?["days_in_state"] as? Int == 2)
            let stages = try #require(pipeline.json["turnaround"] as? [[String: Any]])
            let review = try #require(stages.first { $0["stage"] as? String == "manual-review" })
            #expect(review["total_days"] as? Int == 3 && review["average_days"] as? String == "3.00")
        }
    }

    /// A referred ₹5,00,000 for 36 months: the pricing table gives 11.50% (EMI ₹16,488.00, as the fast
    /// track's). An analyst who sets 12.5% instead needs a credit manager's check whatever the amount;
    /// EMI at 12.5%: 5,00,000 × i / (1 − (1 + i)^−36), i = 0.125 / 12 → 16,726.8128 → ₹16,726.81.
    @Test("a rate override needs a checker below ₹10 lakh too; outside the product's limits it is refused")
    func rateOverrideNeedsChecker() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            let referred = try await staff.createAndSubmit("APP-6", ApplicationRequests.create(id: "APP-6", monthsInJob: 2))
            #expect(referred.state == "manual-review", "\(referred.text)")
            let uri = "/api/v1/applications/APP-6/decisions"
            let outside = try await staff.post("ca", uri, #"{"decision":"approve","rate":"30%","date":"2026-03-03"}"#)
            #expect(outside.status == .unprocessableContent && outside.problemFields == ["rate"], "\(outside.text)")
            let rejectAt = try await staff.post("ca", uri, #"{"decision":"reject","rate":"12%","date":"2026-03-03"}"#)
            #expect(rejectAt.status == .badRequest && rejectAt.problemFields == ["rate"], "\(rejectAt.text)")
            let made = try await staff.post("ca", uri, #"{"decision":"approve","rate":"12.5%","date":"2026-03-03"}"#)
            #expect(made.state == "manual-review" && made.pending.first?["checkers_needed"] as? Int == 1, "\(made.text)")
            #expect(made.decision["rate_override"] as? String == "12.5%")
            let own = try await staff.post("ca", "/api/v1/applications/APP-6/approvals",
                                           #"{"event":"approve","decision":"approve","date":"2026-03-03"}"#)
            #expect(own.status == .forbidden)
            let checked = try await staff.post("cm1", "/api/v1/applications/APP-6/approvals",
                                               #"{"event":"approve","decision":"approve","date":"2026-03-04"}"#)
            #expect(checked.state == "sanctioned", "\(checked.text)")
            #expect(checked.sanction["rate"] as? String == "12.5%" && checked.sanction["installment"] as? String == "16726.81")

            // The same referral approved at the pricing table's rate needs no checker below ₹10 lakh.
            _ = try await staff.createAndSubmit("APP-7", ApplicationRequests.create(id: "APP-7", monthsInJob: 2))
            let plain = try await staff.post("ca", "/api/v1/applications/APP-7/decisions",
                                             #"{"decision":"approve","date":"2026-03-03"}"#)
            #expect(plain.state == "sanctioned" && plain.sanction["installment"] as? String == "16488.00", "\(plain.text)")
        }
    }

    @Test("documents follow the product's checklist: another product's item is refused; submission waits for the required ones")
    func productChecklist() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            #expect(try await staff.post("lo", "/api/v1/applications", ApplicationRequests.create(id: "APP-8")).status
                == .created)
            let uri = "/api/v1/applications/APP-8/documents"
            // property-documents is on the home loan's checklist (products/home-loan.yaml), not the personal loan's.
            let other = try await staff.post("lo", uri, ApplicationRequests.document("property-documents"))
            #expect(other.status == .badRequest && other.problemFields == ["item"], "\(other.text)")
            #expect(other.text.contains("identity-proof, income-proof, address-proof, bank-statement, photograph"))
            #expect(try await staff.post("lo", uri, ApplicationRequests.document("identity-proof")).status == .created)
            let early = try await staff.post("lo", "/api/v1/applications/APP-8/submit", ApplicationRequests.dated("2026-03-02"))
            #expect(early.status == .unprocessableContent && early.problemFields == ["documents.income-proof"], "\(early.text)")
        }
    }

    @Test("reject by policy: income below ₹25,000; the borrower sees the code, staff the message")
    func rejectByPolicy() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            let body = ApplicationRequests.create(id: "APP-3", amount: "60000", tenure: 12, income: "20000")
            let rejected = try await staff.createAndSubmit("APP-3", body)
            #expect(rejected.state == "rejected", "\(rejected.text)")
            #expect(rejected.json["final"] as? Bool == true)
            let codes = try #require(rejected.json["borrower_reason_codes"] as? [String])
            #expect(codes.contains("INCOME_BELOW_MINIMUM"))
            let again = try await staff.post("lo", "/api/v1/applications/APP-3/withdraw",
                                             #"{"reason":"changed mind","date":"2026-03-03"}"#)
            #expect(again.status == .conflict)
        }
    }

    @Test("manual reject of a referred application, and withdrawal from draft and after sanction")
    func manualRejectAndWithdraw() async throws {
        let server = try OriginationServer()
        try await server.test { staff in
            let referred = try await staff.createAndSubmit(
                "APP-4", ApplicationRequests.create(id: "APP-4", monthsInJob: 2))
            #expect(referred.state == "manual-review")
            let rejected = try await staff.post("ca", "/api/v1/applications/APP-4/decisions",
                                                #"{"decision":"reject","date":"2026-03-03"}"#)
            #expect(rejected.state == "rejected", "\(rejected.text)")
            #expect(rejected.decision["manual_decision"] as? String == "reject")

            _ = try await staff.post("lo", "/api/v1/applications", ApplicationRequests.create(id: "APP-5"))
            let withdrawn = try await staff.post("lo", "/api/v1/applications/APP-5/withdraw",
                                                 #"{"reason":"found a cheaper loan","date":"2026-03-03"}"#)
            #expect(withdrawn.state == "withdrawn" && withdrawn.json["withdrawal_reason"] as? String == "found a cheaper loan")

            let sanctioned = try await staff.createAndSubmit("APP-6", ApplicationRequests.create(id: "APP-6"))
            #expect(sanctioned.state == "sanctioned")
            let late = try await staff.post("lo", "/api/v1/applications/APP-6/withdraw",
                                            #"{"reason":"no longer needed","date":"2026-03-04"}"#)
            #expect(late.state == "withdrawn", "\(late.text)")
        }
    }
}
