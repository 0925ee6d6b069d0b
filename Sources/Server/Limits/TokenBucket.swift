/// A token bucket as a value: `capacity` tokens, refilled at `perSecond`; each request takes one.
/// Time is an input (seconds on a monotonic clock), so it is tested without sleeping.
struct TokenBucket: Sendable, Hashable {
    let capacity: Double
    let perSecond: Double
    private(set) var tokens: Double
    private(set) var updatedAt: Double

    init(capacity: Int, perSecond: Int, now: Double) {
        self.capacity = Double(capacity)
        self.perSecond = Double(perSecond)
        tokens = Double(capacity)
        updatedAt = now
    }

    /// What a request at `now` gets: admitted, or refused with the seconds until a token is free.
    enum Decision: Sendable, Hashable {
        case admit
        case refuse(retryAfterSeconds: Int)
    }

    mutating func take(now: Double) -> Decision {
        tokens = min(capacity, tokens + max(0, now - updatedAt) * perSecond)
        updatedAt = now
        if tokens >= 1 {
            tokens -= 1
            return .admit
        }
        let wait = (1 - tokens) / perSecond
        return .refuse(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
    }
}
