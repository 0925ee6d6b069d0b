import Foundation

/// The load `bench api` drives: threads each with one keep-alive connection.
struct APILoad: Sendable {
    let port: Int
    let loans: Int
    static let auth = [("Authorization", "Bearer bench")]

    /// What a phase measured; latencies in milliseconds.
    struct Figures {
        var count = 0
        var failures = 0
        var perSecond = 0.0
        var p50 = 0.0
        var p99 = 0.0
    }

    static func loanID(_ n: Int) -> String { String(format: "B%07d", n) }

    /// Books every loan; returns the seconds taken.
    func seed(concurrency: Int) throws -> Double {
        let started = Date()
        let figures = try Self.run(threads: concurrency, until: nil, port: port) { client, worker, _ in
            var n = worker
            var failures = 0
            while n < loans {
                let body =
                    #"{"loan_id":"\#(Self.loanID(n))","product":"personal-loan","principal":"100000","rate":"12%","#
                    + #""tenure":12,"disbursement_date":"2026-01-31"}"#
                let reply = try client.send(
                    "POST", "/api/v1/loans", headers: Self.auth + [("Idempotency-Key", "seed-\(n)")],
                    body: body)
                if reply.status != 201 { failures += 1 }
                n += concurrency
            }
            return ([], failures)
        }
        if figures.failures > 0 { throw BenchHTTPClient.Failure(description: "\(figures.failures) loans not booked") }
        return Date().timeIntervalSince(started)
    }

    /// Closed-loop loan views for `seconds`.
    func views(seconds: Int, concurrency: Int) throws -> Figures {
        let deadline = Date().addingTimeInterval(Double(seconds))
        return try Self.run(threads: concurrency, until: deadline, port: port) { client, worker, _ in
            var generator = SystemRandomNumberGenerator()
            var latencies: [Double] = [], failures = 0
            while Date() < deadline {
                let began = DispatchTime.now().uptimeNanoseconds
                let reply = try client.send(
                    "GET", "/api/v1/loans/\(Self.loanID(Int.random(in: 0..<loans, using: &generator)))",
                    headers: Self.auth)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e6)
                if reply.status != 200 { failures += 1 }
            }
            _ = worker
            return (latencies, failures)
        }
    }

    /// Open-loop repayments: request i is due at start + i/rate; latency counts from when it was due.
    func repayments(seconds: Int, rate: Int, concurrency: Int) throws -> Figures {
        let total = seconds * rate
        let start = DispatchTime.now().uptimeNanoseconds + 50_000_000
        let next = Counter()
        return try Self.run(threads: concurrency, until: nil, port: port) { client, _, _ in
            var latencies: [Double] = [], failures = 0
            while true {
                let i = next.take()
                guard i < total else { break }
                let due = start + UInt64(i) * 1_000_000_000 / UInt64(rate)
                let now = DispatchTime.now().uptimeNanoseconds
                if due > now { usleep(UInt32((due - now) / 1_000)) }
                let body = #"{"amount":"100.00","date":"2026-01-31","reference":"BENCH\#(i)"}"#
                let reply = try client.send(
                    "POST", "/api/v1/loans/\(Self.loanID(i % loans))/repayments",
                    headers: Self.auth + [("Idempotency-Key", "bench-pay-\(i)")], body: body)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - due) / 1e6)
                if reply.status != 201 { failures += 1 }
            }
            return (latencies, failures)
        }
    }

    /// Runs `work` on `threads` threads, each with its own connection, and summarises.
    static func run(
        threads: Int, until deadline: Date?, port: Int,
        _ work: @escaping @Sendable (BenchHTTPClient, Int, Date?) throws -> ([Double], Int)
    ) throws -> Figures {
        let results = Results()
        let started = Date()
        let group = DispatchGroup()
        for worker in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let client = try BenchHTTPClient(port: port)
                    let (latencies, failures) = try work(client, worker, deadline)
                    results.add(latencies, failures)
                } catch {
                    results.add([], 1)
                }
            }
            thread.start()
        }
        group.wait()
        let elapsed = Date().timeIntervalSince(started)
        return results.figures(elapsed: elapsed)
    }
}

/// Latencies gathered from the load threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [Double] = []
    private var failures = 0

    func add(_ more: [Double], _ failed: Int) {
        lock.lock()
        latencies += more
        failures += failed
        lock.unlock()
    }

    func figures(elapsed: Double) -> APILoad.Figures {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }
        return APILoad.Figures(
            count: sorted.count, failures: failures, perSecond: Double(sorted.count) / elapsed,
            p50: percentile(0.5), p99: percentile(0.99))
    }
}

/// The next request number, shared by the load threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
