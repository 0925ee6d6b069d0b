import Foundation

/// Token buckets per principal (or per peer address before anyone is known), behind a lock.
final class RateLimiter: @unchecked Sendable {
    private let limits: APILimits
    private let lock = NSLock()
    private var buckets: [String: TokenBucket] = [:]
    private let started = ContinuousClock.now
    /// Most buckets kept; the oldest are dropped beyond it (a limit on everything).
    private let maxBuckets = 10_000

    init(limits: APILimits) { self.limits = limits }

    /// Takes a token from `subject`'s bucket.
    func take(_ subject: String) -> TokenBucket.Decision {
        let elapsed = ContinuousClock.now - started
        let now = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        lock.lock()
        defer { lock.unlock() }
        if buckets.count >= maxBuckets, buckets[subject] == nil { buckets.removeAll(keepingCapacity: true) }
        var bucket =
            buckets[subject]
            ?? TokenBucket(capacity: limits.burstRequests, perSecond: limits.requestsPerSecond, now: now)
        let decision = bucket.take(now: now)
        buckets[subject] = bucket
        return decision
    }
}
