import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LedgerTestSupport
import Server
import Testing

/// Every refusal answers with an RFC 9457 problem and writes nothing.
@Suite("Servicing API refusals")
struct RefusalTests {
    static let repayment = #"{"amount":"8884.88","date":"2026-02-28","reference":"UTR1"}"#

    @Test("no credentials is 401, a reader posting a repayment is 403, both problems", arguments: Backend.available)
    func authorization(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            let anonymous = try await api.get("/api/v1/loans/L-1", token: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.contentType == "application/problem+json")
            #expect(anonymous.json["status"] as? Int == 401)
            let unknown = try await api.get("/api/v1/loans/L-1", token: "guess")
            #expect(unknown.status == .unauthorized)
            let read = try await api.get("/api/v1/loans/L-1", token: "reader")
            #expect(read.status == .ok)
            let events = try harness.eventCount()
            let post = try await api.post("/api/v1/loans/L-1/repayments", Self.repayment, key: "k1", token: "reader")
            #expect(post.status == .forbidden)
            #expect(post.contentType == "application/problem+json")
            #expect((post.json["detail"] as? String)?.contains("repayments.post") == true)
            #expect(try harness.eventCount() == events)
            // A method the path does not serve is 405 with Allow.
            let delete = try await api.send(.delete, "/api/v1/loans/L-1")
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "GET")
            // Exempt routes need nothing.
            #expect(try await api.get("/health", token: nil).status == .ok)
            #expect(try await api.get("/openapi.json", token: nil).status == .ok)
            #expect(try await api.get("/metrics", token: nil).status == .ok)
        }
    }

    @Test("a money-moving POST without Idempotency-Key is 400 naming the header", arguments: Backend.available)
    func missingKey(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            let events = try harness.eventCount()
            let reply = try await api.post("/api/v1/loans/L-1/repayments", Self.repayment, key: nil)
            #expect(reply.status == .badRequest)
            #expect(reply.problemFields == ["Idempotency-Key"])
            #expect(try harness.eventCount() == events)
        }
    }

    @Test(
        "the same key and body replays the first response byte for byte; another body is 409",
        arguments: Backend.available)
    func replay(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            _ = try await api.post("/api/v1/eod", #"{"date":"2026-02-27"}"#, key: "e1")
            // A 255-character key (the most allowed) works: the book stores a fixed-length digest of it.
            let longKey = String(repeating: "k", count: 255)
            let first = try await api.post("/api/v1/loans/L-1/repayments", Self.repayment, key: longKey)
            #expect(first.status == .created)
            let events = try harness.eventCount()
            let again = try await api.post("/api/v1/loans/L-1/repayments", Self.repayment, key: longKey)
            #expect(again.status == first.status && again.text == first.text)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try harness.eventCount() == events)
            let other = try await api.post(
                "/api/v1/loans/L-1/repayments",
                #"{"amount":"100.00","date":"2026-02-28","reference":"UTR2"}"#, key: longKey)
            #expect(other.status == .conflict)
            #expect(other.problemFields == ["Idempotency-Key"])
            #expect(try harness.eventCount() == events)
            // The same key from another principal is another key.
            let view = try await api.get("/api/v1/loans/L-1")
            #expect(view.json["principal_outstanding"] as? String == "92115.12")
        }
    }

    @Test("a body over 64 KiB is 413 and writes nothing", arguments: Backend.available)
    func tooLarge(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            let events = try harness.eventCount()
            let padding = String(repeating: "x", count: 70 * 1024)
            let reply = try await api.post(
                "/api/v1/loans/L-1/repayments",
                #"{"amount":"1.00","date":"2026-02-28","reference":"\#(padding)"}"#, key: "big")
            #expect(reply.status == .contentTooLarge)
            #expect(reply.contentType == "application/problem+json")
            #expect(try harness.eventCount() == events)
        }
    }

    @Test(
        "malformed JSON, an unknown field, a wrong type, bad money and a bad date each name the field",
        arguments: Backend.available)
    func malformed(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            let events = try harness.eventCount()
            let cases: [(String, [String])] = [
                (#"{"amount":"1.00","date":"2026-02-28""#, ["body"]),
                (#"[1,2]"#, ["body"]),
                (#"{"amount":"1.00","date":"2026-02-28","reference":"R","memo":"x"}"#, ["memo"]),
                (#"{"amount":100,"date":"2026-02-28","reference":"R"}"#, ["amount"]),
                (#"{"amount":"12.345","date":"2026-02-28","reference":"R"}"#, ["amount"]),
                (#"{"amount":"-5","date":"2026-02-28","reference":"R"}"#, ["amount"]),
                (#"{"amount":"1,000","date":"2026-02-28","reference":"R"}"#, ["amount"]),
                (#"{"amount":"1.00","date":"2026-02-30","reference":"R"}"#, ["date"]),
                (#"{"amount":"1.00","date":"28/02/2026"}"#, ["date", "reference"]),
                (#"{"date":"2026-02-28","reference":"R"}"#, ["amount"]),
            ]
            for (n, (body, fields)) in cases.enumerated() {
                let reply = try await api.post("/api/v1/loans/L-1/repayments", body, key: "bad-\(n)")
                #expect(reply.status == .badRequest, "\(body)")
                #expect(reply.contentType == "application/problem+json")
                #expect(reply.problemFields == fields, "\(body)")
            }
            #expect(try harness.eventCount() == events)
        }
    }

    @Test("a whole number may be written 12 or 12.0 (JSON Schema's integer); true, 12.5 and \"12\" name the field")
    func wholeNumbers() async throws {
        let harness = try APIHarness()
        try await harness.test { api in
            func book(_ id: String, tenure: String) async throws -> Reply {
                try await api.post("/api/v1/loans", """
                    {"loan_id":"\(id)","product":"personal-loan","principal":"100000","rate":"12%","tenure":\(tenure),
                     "disbursement_date":"2026-01-31"}
                    """, key: "book-\(id)")
            }
            for (n, tenure) in ["true", "12.5", "\"12\"", "12345678901234567890"].enumerated() {
                let reply = try await book("B-\(n)", tenure: tenure)
                #expect(reply.status == .badRequest && reply.problemFields == ["tenure"], "\(tenure): \(reply.text)")
            }
            // Foundation bridges 0.0 to `false`; it is still a number, refused for its range alone.
            let zero = try await book("B-0.0", tenure: "0.0")
            #expect(zero.status == .badRequest && zero.text.contains("must be 1 to 600"), "\(zero.text)")
            #expect(try harness.eventCount() == 0)
            let booked = try await book("L-12", tenure: "12.0")
            #expect(booked.status == .created, "\(booked.text)")
            #expect((booked.json["loan"] as? [String: Any])?["schedule"].map { ($0 as? [Any])?.count } == 12)
        }
    }

    @Test(
        "a refused command is 422 naming the field; an unknown loan is 404; nothing is written",
        arguments: Backend.available)
    func refusedCommands(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test { api in
            _ = try await api.bookIllustration()
            let events = try harness.eventCount()
            let small = try await api.post(
                "/api/v1/loans",
                """
                {"loan_id":"L-2","product":"personal-loan","principal":"1000","disbursement_date":"2026-01-31"}
                """, key: "small")
            #expect(small.status == .unprocessableContent)
            // Below the product's ₹50,000 minimum, and the fees (processing at its ₹1,000 minimum + 18% GST
            // = ₹1,180, stamp duty ₹160: ₹1,340) leave nothing to disburse.
            #expect(small.problemFields == ["principal", "product"])
            #expect(small.text.contains("1,340.00"))
            let unknownProduct = try await api.post(
                "/api/v1/loans",
                """
                {"loan_id":"L-3","product":"yacht-loan","disbursement_date":"2026-01-31"}
                """, key: "yacht")
            #expect(unknownProduct.status == .badRequest && unknownProduct.problemFields == ["product"])
            let missing = try await api.post("/api/v1/loans/NOPE/repayments", Self.repayment, key: "nope")
            #expect(missing.status == .notFound)
            #expect(try await api.get("/api/v1/loans/NOPE").status == .notFound)
            let query = try await api.get("/api/v1/loans/L-1?asof=2026-01-01")
            #expect(query.status == .badRequest && query.problemFields == ["asof"])
            // Dates before the disbursement (31 Jan 2026) are refused on every route that takes one.
            for route in ["repayments", "prepayments", "foreclosure"] {
                let early = try await api.post(
                    "/api/v1/loans/L-1/\(route)", #"{"amount":"1.00","date":"2000-01-01","reference":"R"}"#,
                    key: "early-\(route)")
                #expect(early.status == .unprocessableContent && early.problemFields == ["date"], "\(route)")
            }
            let before = try await api.get("/api/v1/loans/L-1?asOf=2026-01-30")
            #expect(before.status == .unprocessableContent && before.problemFields == ["asOf"])
            let quote = try await api.get("/api/v1/loans/L-1/foreclosure-quote?date=1900-01-01")
            #expect(quote.status == .unprocessableContent && quote.problemFields == ["date"])
            // 31 Jan 2026 to 1 Mar 2027 is 394 days: more than one run may close.
            let far = try await api.post("/api/v1/eod", #"{"date":"2027-03-01"}"#, key: "far")
            #expect(far.status == .unprocessableContent && far.problemFields == ["date"])
            let absurd = try await api.post("/api/v1/eod", #"{"date":"9999-12-31"}"#, key: "absurd")
            #expect(absurd.status == .badRequest && absurd.problemFields == ["date"])
            #expect(try harness.eventCount() == events)
        }
    }

    @Test("beyond the burst a principal gets 429 with Retry-After")
    func rateLimit() async throws {
        let harness = try APIHarness(limits: APILimits(burstRequests: 3, requestsPerSecond: 1))
        try await harness.test { api in
            for _ in 0..<3 { #expect(try await api.get("/api/v1/eod").status == .ok) }
            // One token a second comes back; on a loaded machine a request may get one, so try a few.
            var limited = try await api.get("/api/v1/eod")
            for _ in 0..<20 where limited.status == .ok { limited = try await api.get("/api/v1/eod") }
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "1")
            #expect(limited.contentType == "application/problem+json")
        }
    }
}
