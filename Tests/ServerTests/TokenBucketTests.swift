@testable import Server
import Testing

/// The rate limit's bucket, with time as an input.
@Suite("Token bucket")
struct TokenBucketTests {
    @Test("3 tokens at 2 a second: the fourth request waits one second, half a second later one is back")
    func refill() {
        var bucket = TokenBucket(capacity: 3, perSecond: 2, now: 0)
        #expect(bucket.take(now: 0) == .admit)
        #expect(bucket.take(now: 0) == .admit)
        #expect(bucket.take(now: 0) == .admit)
        #expect(bucket.take(now: 0) == .refuse(retryAfterSeconds: 1))
        #expect(bucket.take(now: 0.5) == .admit)
        #expect(bucket.take(now: 0.5) == .refuse(retryAfterSeconds: 1))
        #expect(bucket.take(now: 100) == .admit)
        #expect(bucket.tokens == 2)
    }
}
