import Catalog
import Foundation
import LoanMath
import Testing
@testable import Origination

/// A transport that records the request and answers as told, with no sockets.
final class StubTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    let answer: Result<HTTPResponse, HTTPTransportError>

    init(_ answer: Result<HTTPResponse, HTTPTransportError>) { self.answer = answer }

    func send(_ request: HTTPRequest, timeoutSeconds: Int) async throws(HTTPTransportError) -> HTTPResponse {
        lock.withLock { sent.append(request) }
        return try answer.get()
    }

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return sent
    }
}

/// The bureau's HTTP adapter against a stub transport: the request it writes, the report it reads,
/// and how failures come out.
@Suite struct HTTPCreditBureauTests {
    static let settings = IntegrationSettings(kind: .creditBureau, adapter: .http, endpoint: "https://bureau.example.in/v1/reports",
                                              credential: .environment("BUREAU_KEY"), timeoutSeconds: 15)
    static let environment = ["BUREAU_KEY": "test-token"]
    static let request = BureauRequest(pan: PAN.parse("ABCPE1234F").value!, name: "Ravi Kumar",
                                       dateOfBirth: date("1988-07-14"), enquiryDate: date("2026-03-02"))

    static let answer = """
        {"reference": "CIR-1", "score": 742, "enquiries_6m": 2, "accounts": [
          {"lender": "Bank A", "kind": "personal-loan", "sanctioned_paise": 30000000, "outstanding_paise": 12500000,
           "monthly_instalment_paise": 1040000, "dpd_12m": [0,0,0,0,0,0,0,0,0,30,0,0], "written_off_or_settled": false}]}
        """

    func bureau(_ transport: StubTransport) throws -> HTTPCreditBureau {
        try HTTPCreditBureau.make(Self.settings, environment: Self.environment, transport: transport).get()
    }

    @Test func theRequestAndTheReport() async throws {
        let transport = StubTransport(.success(HTTPResponse(status: 200, body: Data(Self.answer.utf8))))
        let report = try await bureau(transport).report(for: Self.request)
        #expect(report.reference == "CIR-1" && report.score == 742 && report.enquiriesLast6Months == 2)
        #expect(report.existingEMI == Money(major: 10_400))
        #expect(report.maxDaysPastDue12Months == 30)
        let sent = try #require(transport.requests.first)
        #expect(sent.url == "https://bureau.example.in/v1/reports")
        #expect(sent.headers["Authorization"] == "Bearer test-token")
        #expect(String(decoding: sent.body, as: UTF8.self)
            == #"{"date_of_birth":"1988-07-14","enquiry_date":"2026-03-02","name":"Ravi Kumar","pan":"ABCPE1234F"}"#)
    }

    @Test func failuresAreRetryableOrNot() async throws {
        func failure(_ answer: Result<HTTPResponse, HTTPTransportError>) async throws -> IntegrationFailure? {
            let bureau = try bureau(StubTransport(answer))
            return await Result { () async throws(IntegrationFailure) in try await bureau.report(for: Self.request) }.failure
        }
        #expect(try await failure(.success(HTTPResponse(status: 503, body: Data()))) == .serverError(.creditBureau, status: 503))
        #expect(try await failure(.success(HTTPResponse(status: 429, body: Data()))) == .serverError(.creditBureau, status: 429))
        #expect(try await failure(.failure(.timedOut)) == .timeout(.creditBureau, afterSeconds: 15))
        #expect(try await failure(.failure(.unreachable("dns"))) == .unreachable(.creditBureau))
        let refused = try await failure(.success(HTTPResponse(status: 401, body: Data())))
        #expect(refused == .rejected(.creditBureau, reason: "HTTP 401"))
        #expect(refused?.isRetryable == false)
        #expect(try await failure(.success(HTTPResponse(status: 200, body: Data("{}".utf8))))
            == .rejected(.creditBureau, reason: "the answer is not in the documented form"))
        let badScore = Self.answer.replacingOccurrences(of: "742", with: "999")
        #expect(try await failure(.success(HTTPResponse(status: 200, body: Data(badScore.utf8))))
            == .rejected(.creditBureau, reason: "the score is outside 300 to 900"))
    }

    @Test func theCredentialMustBeFound() {
        let transport = StubTransport(.failure(.timedOut))
        #expect(HTTPCreditBureau.make(Self.settings, environment: [:], transport: transport).failure
            == .notConfigured(.creditBureau, reason: "the environment variable BUREAU_KEY is not set"))
        var secret = Self.settings
        secret.credential = .secret("bureau/api-key")
        #expect(HTTPCreditBureau.make(secret, environment: [:], transport: transport).failure
            == .notConfigured(.creditBureau, reason: "secret `bureau/api-key`: no secret store is configured; use env:VARIABLE"))
        var settings = IntegrationConfiguration.allSimulated.settings
        settings[.creditBureau] = Self.settings
        let adapters = IntegrationAdapters.configured(IntegrationConfiguration(settings: settings), environment: Self.environment,
                                                      transport: transport)
        #expect(adapters.value?.bureau is HTTPCreditBureau)
    }
}
