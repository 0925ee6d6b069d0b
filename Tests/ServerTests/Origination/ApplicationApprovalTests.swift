import Foundation
import LedgerTestSupport
import Testing

/// The automated path over HTTP: ₹5,00,000 for 36 months, salaried, ₹1,00,000 a month, bureau score
/// 820 with no running loans. FOIR = EMI at the product's 14% default (₹17,088.81) / income = 17% → the
/// pricing row 800–849 / salaried / < 40% gives 11.50%, and R17 (fast track) fires: approved.
///
/// Sanctioned EMI by the textbook formula, i = 11.5% / 12 = 0.0095833…:
/// 5,00,000 × i / (1 − (1 + i)^−36) = 16,488.0032 → ₹16,488.00.
/// Fees (products/personal-loan.yaml): processing 2% = ₹10,000 (its cap) + 18% GST ₹1,800; stamp duty ₹160
/// (third party) → net disbursed 5,00,000 − 11,960 = ₹4,88,040.00.
/// KFS issued Mon 2 Mar 2026, valid 3 working days: 3 Mar, (4 Mar Holi), 5 Mar, 6 Mar → until 6 Mar.
@Suite("Origination E2E: approve, book into servicing")
struct ApplicationApprovalTests {
    static let coApplicants = """
        ,"co_applicants":[\(ApplicationRequests.party("Ravi Verma", pan: "ABCPV5678M"))],
        "guarantors":[\(ApplicationRequests.party("Kiran Rao", pan: "ABCPR4321Q"))]
        """

    @Test("approve → sanction at the risk-based price → KFS → accept → disburse (maker-checker) → booked loan",
          arguments: Backend.available)
    func approveAndBook(_ backend: Backend) async throws {
        let server = try OriginationServer(backend)
        let location = server.location, version = server.registry.current.version.hash
        try await server.test { staff in
            let submitted = try await staff.createAndSubmit(
                "APP-1", ApplicationRequests.create(id: "APP-1", extra: Self.coApplicants))
            #expect(submitted.status == .ok, "\(submitted.text)")
            #expect(submitted.state == "sanctioned")
            #expect(submitted.decision["outcome"] as? String == "approve")
            #expect(submitted.json["borrower_reason_codes"] as? [String] == ["FAST_TRACK"])
            #expect(submitted.decision["trace"] == nil)
            let shown = try await staff.application("APP-1")
            let trace = try #require(shown.decision["trace"] as? [String: Any])
            #expect((trace["tables"] as? [String: Any])?["pricing"] as? [Int] == [5])
            #expect(submitted.sanction["rate"] as? String == "11.5%")
            #expect(submitted.sanction["installment"] as? String == "16488.00")
            #expect(submitted.sanction["net_disbursement"] as? String == "488040.00")
            #expect(submitted.kfs["proposal_number"] as? String == "KFS-APP-1-1")
            #expect(submitted.kfs["valid_until"] as? String == "2026-03-06")
            #expect(submitted.kfs["esign_reference"] is String)

            let accepted = try await staff.post("lo", "/api/v1/applications/APP-1/accept-kfs",
                                                #"{"proposal_number":"KFS-APP-1-1","date":"2026-03-05"}"#)
            #expect(accepted.state == "disbursement", "\(accepted.text)")
            #expect(accepted.json["mandate_reference"] is String)

            let requested = try await staff.post("ops", "/api/v1/applications/APP-1/disburse",
                                                 ApplicationRequests.dated("2026-03-06"))
            #expect(requested.state == "disbursement" && requested.pending.count == 1, "\(requested.text)")
            let selfCheck = try await staff.post("ops", "/api/v1/applications/APP-1/approvals",
                                                 #"{"event":"disburse","decision":"approve","date":"2026-03-06"}"#)
            #expect(selfCheck.status == .forbidden)
            let booked = try await staff.post("fin", "/api/v1/applications/APP-1/approvals",
                                              #"{"event":"disburse","decision":"approve","date":"2026-03-06"}"#)
            #expect(booked.state == "booked", "\(booked.text)")
            #expect(booked.json["loan_id"] as? String == "LN-APP-1")
            #expect((booked.json["disbursement"] as? [String: Any])?["amount"] as? String == "488040.00")

            let loan = try await staff.get("lo", "/api/v1/loans/LN-APP-1")
            #expect(loan.status == .ok, "\(loan.text)")
            #expect(loan.json["principal_outstanding"] as? String == "500000.00")
            let schedule = try #require(loan.json["schedule"] as? [[String: Any]])
            #expect(schedule.count == 36)
            #expect(schedule.dropLast().allSatisfy { $0["total"] as? String == "16488.00" })
            // Interest of the first month at 30/360: 5,00,000 × 11.5% / 12 = ₹4,791.67.
            #expect(schedule.first?["interest"] as? String == "4791.67")
            #expect(schedule.first?["due_date"] as? String == "2026-04-06")

            // The loan is pinned to the catalog version the application was created under.
            #expect(booked.json["catalog_version"] as? String == version)
            let events = try await staff.get("lo", "/api/v1/loans/LN-APP-1/events?limit=1")
            #expect((events.json["events"] as? [[String: Any]])?.first?["catalog_version"] as? String == version)
            let links = try OriginationServer.rows(location, "SELECT role FROM party_loan WHERE loan_id = 'LN-APP-1' ORDER BY role")
            #expect(links.map { $0.text(0) } == ["applicant", "co-applicant", "guarantor"])
            // The applicant's SMS, queued in the outbox with the steps that sent them.
            let sent = try OriginationServer.rows(location, """
                SELECT template FROM notification_outbox WHERE party_id = (SELECT applicant_party_id FROM loan_application
                WHERE application_id = 'APP-1') ORDER BY business_date, message_id
                """)
            #expect(Set(sent.map { $0.text(0) }) == ["application-received", "sanctioned", "disbursed"])
        }
    }
}
