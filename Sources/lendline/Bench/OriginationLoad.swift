import Foundation

/// The load `bench origination` drives: threads each with one keep-alive connection, taking the
/// next application until all are booked.
struct OriginationLoad: Sendable {
    let port: Int
    let pans: [String]

    /// The first failure's description, for the report.
    final class FirstFailure: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var text: String?

        func note(_ error: any Error) {
            lock.lock()
            if text == nil { text = "\(error)" }
            lock.unlock()
        }
    }

    let firstFailure = FirstFailure()

    func run(concurrency: Int) throws -> APILoad.Figures {
        let next = Counter(), firstFailure = firstFailure
        let started = Date()
        var figures = try APILoad.run(threads: concurrency, until: nil, port: port) { client, _, _ in
            var latencies: [Double] = [], failures = 0
            while true {
                let i = next.take()
                guard i < pans.count else { break }
                do {
                    latencies.append(try Self.application(i, pan: pans[i], client))
                } catch {
                    firstFailure.note(error)
                    failures += 1
                }
            }
            return (latencies, failures)
        }
        figures.perSecond = Double(figures.count) / Date().timeIntervalSince(started)
        return figures
    }

    /// Takes application `i` from creation to a booked loan; returns the submission's milliseconds.
    static func application(_ i: Int, pan: String, _ client: BenchHTTPClient) throws -> Double {
        let id = String(format: "BENCH-%07d", i), base = "/api/v1/applications/\(id)"
        var step = 0
        func post(_ token: String, _ path: String, _ body: String, _ expected: Int = 200) throws -> String {
            let reply = try client.send("POST", path, headers: [("Authorization", "Bearer \(token)"),
                                                                ("Idempotency-Key", "\(id)-\(step)")], body: body)
            step += 1
            guard reply.status == expected else {
                throw BenchHTTPClient.Failure(description: "\(path): HTTP \(reply.status) \(reply.body.prefix(300))")
            }
            return reply.body
        }
        let day = #""date":"2026-03-02""#
        _ = try post("lo", "/api/v1/applications", """
            {"application_id":"\(id)","product":"personal-loan","amount":"500000","tenure":36,\(day),
             "employment_type":"salaried","months_in_job":24,"monthly_income":"100000",
             "applicant":{"name":"Bench Applicant","pan":"\(pan)","date_of_birth":"1990-06-15",
             "bank_account":{"number":"123456789012","ifsc":"HDFC0001234"}}}
            """, 201)
        let content = Data("%PDF-1.4 bench".utf8).base64EncodedString()
        for item in ["identity-proof", "income-proof"] {
            _ = try post("lo", base + "/documents",
                         #"{"item":"\#(item)","media_type":"application/pdf","content":"\#(content)",\#(day)}"#, 201)
        }
        let began = DispatchTime.now().uptimeNanoseconds
        let sanctioned = try post("lo", base + "/submit", "{\(day)}")
        let latency = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e6
        guard sanctioned.contains(#""state":"sanctioned""#) else {
            throw BenchHTTPClient.Failure(description: "\(id) not sanctioned")
        }
        _ = try post("lo", base + "/accept-kfs", #"{"proposal_number":"KFS-\#(id)-1",\#(day)}"#)
        _ = try post("ops", base + "/disburse", "{\(day)}")
        let booked = try post("fin", base + "/approvals", #"{"event":"disburse","decision":"approve",\#(day)}"#)
        guard booked.contains(#""state":"booked""#) else { throw BenchHTTPClient.Failure(description: "\(id) not booked") }
        return latency
    }
}
