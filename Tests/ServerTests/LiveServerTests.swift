import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerTestSupport
import Testing

/// The same requests over a real socket.
@Suite("Servicing API over a live server")
struct LiveServerTests {
    @Test("book, repay, replay and read over HTTP/1.1", arguments: Backend.available)
    func liveLifecycle(backend: Backend) async throws {
        let harness = try APIHarness(backend)
        try await harness.test(.live) { api in
            #expect(try await api.get("/health", token: nil).status == .ok)
            #expect(try await api.bookIllustration().status == .created)
            #expect(try await api.post("/api/v1/eod", #"{"date":"2026-02-27"}"#, key: "e1").status == .ok)
            let body = #"{"amount":"8884.88","date":"2026-02-28","reference":"UTR1"}"#
            let first = try await api.post("/api/v1/loans/L-1/repayments", body, key: "pay-1")
            let again = try await api.post("/api/v1/loans/L-1/repayments", body, key: "pay-1")
            #expect(first.status == .created && again.text == first.text)
            let view = try await api.get("/api/v1/loans/L-1")
            #expect(view.json["principal_outstanding"] as? String == "92115.12")
            #expect(try await api.get("/api/v1/loans/L-1", token: nil).status == .unauthorized)
        }
    }
}
