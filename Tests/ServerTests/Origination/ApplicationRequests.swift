import Foundation
import Testing

/// Request bodies and steps of the origination tests, on business dates in March 2026 (Holi, 4 March,
/// is a bank holiday in `policies/calendars/india-banks.yaml`).
enum ApplicationRequests {
    /// A salaried applicant born 15 Jun 1990, with a bank account for the mandate and the payout.
    static func party(_ name: String, pan: String) -> String {
        """
        {"name":"\(name)","pan":"\(pan)","date_of_birth":"1990-06-15","mobile":"9876543210",
         "bank_account":{"number":"123456789012","ifsc":"HDFC0001234"}}
        """
    }

    static func create(id: String, amount: String = "500000", tenure: Int = 36, income: String = "100000",
                       monthsInJob: Int = 24, date: String = "2026-03-02", extra: String = "") -> String {
        """
        {"application_id":"\(id)","product":"personal-loan","amount":"\(amount)","tenure":\(tenure),"date":"\(date)",
         "employment_type":"salaried","months_in_job":\(monthsInJob),"monthly_income":"\(income)",
         "applicant":\(party("Asha Verma", pan: "ABCPV1234K"))\(extra)}
        """
    }

    static func document(_ item: String, date: String = "2026-03-02") -> String {
        let content = Data("%PDF-1.4 \(item)".utf8).base64EncodedString()
        return #"{"item":"\#(item)","media_type":"application/pdf","content":"\#(content)","date":"\#(date)"}"#
    }

    static func dated(_ date: String) -> String { #"{"date":"\#(date)"}"# }
}

extension Staff {
    /// Creates application `id` with `body`, attaches the required documents and submits it.
    func createAndSubmit(_ id: String, _ body: String, date: String = "2026-03-02") async throws -> Reply {
        let created = try await post("lo", "/api/v1/applications", body)
        #expect(created.status == .created, "\(created.text)")
        for item in ["identity-proof", "income-proof"] {
            let attached = try await post("lo", "/api/v1/applications/\(id)/documents",
                                          ApplicationRequests.document(item, date: date))
            #expect(attached.status == .created, "\(attached.text)")
        }
        return try await post("lo", "/api/v1/applications/\(id)/submit", ApplicationRequests.dated(date))
    }

    func application(_ id: String) async throws -> Reply { try await get("lo", "/api/v1/applications/\(id)") }
}

extension Reply {
    var kfs: [String: Any] { json["kfs"] as? [String: Any] ?? [:] }
    var sanction: [String: Any] { json["sanction"] as? [String: Any] ?? [:] }
    var decision: [String: Any] { json["decision"] as? [String: Any] ?? [:] }
    var pendingStep: String? { json["pending"] as? String }
}
