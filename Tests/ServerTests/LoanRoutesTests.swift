import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerTestSupport
import Testing

/// The servicing routes' happy paths on RBI's illustration loan: ₹1,00,000 at 12% a year over 12
/// monthly instalments, disbursed 31 Jan 2026 (instalment 1 due 28 Feb, instalment 2 on 31 Mar).
/// EMI by the textbook formula: 100000 × 0.01 / (1 − 1.01⁻¹²) = 8,884.8788 → ₹8,884.88; instalment 1
/// is ₹1,000.00 interest (1% of 1,00,000) and ₹7,884.88 principal, leaving ₹92,115.12.
@Suite("Servicing API: booking, day end, repayment, reads")
struct LoanRoutesTests {
    @Test(
        "book, run day end, repay, then read the loan, its events, statement and trial balance",
        arguments: Backend.available)
    func lifecycle(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            let booked = try await api.bookIllustration()
            #expect(booked.status == .created)
            let loan = try #require(booked.json["loan"] as? [String: Any])
            #expect(loan["principal"] as? String == "100000.00")
            let schedule = try #require(loan["schedule"] as? [[String: Any]])
            #expect(schedule.count == 12)
            #expect(schedule[0]["due_date"] as? String == "2026-02-28")
            #expect(schedule[0]["total"] as? String == "8884.88")
            #expect(schedule[0]["interest"] as? String == "1000.00")
            #expect(schedule[0]["principal"] as? String == "7884.88")

            // 31 Jan through 27 Feb is 28 loan-days.
            let eod = try await api.post("/api/v1/eod", #"{"date":"2026-02-27"}"#, key: "eod-0227")
            #expect(eod.status == .ok)
            #expect(eod.json["loans"] as? Int == 1 && eod.json["loan_days"] as? Int == 28)
            let status = try await api.get("/api/v1/eod")
            #expect(status.json["last_business_date_closed"] as? String == "2026-02-27")
            #expect(status.json["active_loans"] as? Int == 1)

            let paid = try await api.post(
                "/api/v1/loans/L-1/repayments",
                #"{"amount":"8884.88","date":"2026-02-28","reference":"UTR1"}"#, key: "pay-1")
            #expect(paid.status == .created)
            let after = try #require(paid.json["loan"] as? [String: Any])
            #expect(after["principal_outstanding"] as? String == "92115.12")
            #expect((after["schedule"] as? [[String: Any]])?.first?["status"] as? String == "paid")

            let view = try await api.get("/api/v1/loans/L-1")
            #expect(view.status == .ok)
            #expect(view.json["principal_outstanding"] as? String == "92115.12")
            #expect(view.json["days_past_due"] as? Int == 0 && view.json["asset_class"] as? String == "standard")
            let recent = try #require(view.json["recent_events"] as? [[String: Any]])
            #expect(recent.first?["type"] as? String == "repayment")

            // As of 27 Feb nothing was paid and instalment 1 was still upcoming.
            let before = try await api.get("/api/v1/loans/L-1?asOf=2026-02-27")
            #expect(before.json["principal_outstanding"] as? String == "100000.00")
            #expect((before.json["schedule"] as? [[String: Any]])?.first?["status"] as? String == "upcoming")

            let events = try await api.get("/api/v1/loans/L-1/events?limit=2")
            let page = try #require(events.json["events"] as? [[String: Any]])
            #expect(page.map { $0["type"] as? String } == ["activate", "disburse"])
            #expect(events.json["next_cursor"] as? String == "2")

            let statement = try await api.get("/api/v1/loans/L-1/statement?from=2026-01-31&to=2026-02-28")
            #expect(statement.status == .ok)
            #expect(statement.json["total_paid"] as? String == "8884.88")

            // Loan principal (1100): lent 1,00,000.00, repaid 7,884.88 → 92,115.12 still owed.
            let trial = try await api.get("/api/v1/trial-balance?date=2026-02-28")
            let accounts = try #require(trial.json["accounts"] as? [[String: Any]])
            let principal = try #require(accounts.first { $0["account"] as? String == "1100" })
            #expect(principal["debit"] as? String == "100000.00" && principal["credit"] as? String == "7884.88")
            #expect(principal["balance"] as? String == "92115.12")
            #expect(trial.json["balanced"] as? Bool == true)
            #expect(trial.json["total_debit"] as? String == trial.json["total_credit"] as? String)
        }
    }

    @Test(
        "foreclosure quote on 15 Mar and payoff: 92,115.12 + ⌊92,115 paise × 15 / 31⌋ = 92,560.83",
        arguments: Backend.available)
    func foreclosure(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            try await api.bookAndPayFirstInstalment()
            _ = try await api.post("/api/v1/eod", #"{"date":"2026-03-14"}"#, key: "e2")
            let quote = try await api.get("/api/v1/loans/L-1/foreclosure-quote?date=2026-03-15")
            #expect(quote.status == .ok)
            #expect(quote.json["principal"] as? String == "92115.12")
            #expect(quote.json["interest_accrued"] as? String == "445.71")
            #expect(quote.json["total"] as? String == "92560.83")
            let closed = try await api.post(
                "/api/v1/loans/L-1/foreclosure",
                #"{"amount":"92560.83","date":"2026-03-15","reference":"FC"}"#, key: "fc")
            #expect(closed.status == .created)
            let loan = try #require(closed.json["loan"] as? [String: Any])
            #expect(loan["status"] as? String == "closed" && loan["principal_outstanding"] as? String == "0.00")
        }
    }

    @Test(
        "part-prepayment of ₹10,000 after instalment 1 leaves 92,115.12 − 10,000 = 82,115.12",
        arguments: Backend.available)
    func prepayment(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            try await api.bookAndPayFirstInstalment()
            let prepaid = try await api.post(
                "/api/v1/loans/L-1/prepayments",
                """
                {"amount":"10000.00","date":"2026-02-28","reference":"PP1","effect":"reduce-installment"}
                """, key: "pp1")
            #expect(prepaid.status == .created)
            let loan = try #require(prepaid.json["loan"] as? [String: Any])
            #expect(loan["principal_outstanding"] as? String == "82115.12")
            #expect((loan["schedule"] as? [[String: Any]])?.count == 12)
        }
    }

    @Test("the list filters by product and id prefix and pages with a cursor", arguments: Backend.available)
    func list(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            for id in ["A-1", "A-2", "B-1"] { _ = try await api.bookIllustration(id) }
            let first = try await api.get("/api/v1/loans?id_prefix=A-&limit=1")
            #expect((first.json["loans"] as? [[String: Any]])?.map { $0["loan_id"] as? String } == ["A-1"])
            let cursor = try #require(first.json["next_cursor"] as? String)
            let second = try await api.get("/api/v1/loans?id_prefix=A-&limit=1&cursor=\(cursor)")
            #expect((second.json["loans"] as? [[String: Any]])?.map { $0["loan_id"] as? String } == ["A-2"])
            let all = try await api.get("/api/v1/loans?product=personal-loan&status=active")
            let loans = try #require(all.json["loans"] as? [[String: Any]])
            #expect(loans.count == 3 && all.json["next_cursor"] is NSNull)
            #expect(loans.first?["principal_outstanding"] as? String == "100000.00")
            let none = try await api.get("/api/v1/loans?product=home-loan")
            #expect((none.json["loans"] as? [Any])?.isEmpty == true)
        }
    }
}
