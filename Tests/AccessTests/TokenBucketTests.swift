@testable import Access
import Testing

/// `TokenBucket` on an injected clock: the burst, the refill, and the waits it announces.
struct TokenBucketTests {
    private static let fivePerSecond = RateLimit(perSecond: 5, burst: 10)

    @Test func allowsTheBurstThenLimits() {
        var bucket = TokenBucket(limit: Self.fivePerSecond, now: 100)
        let decisions = (0..<11).map { _ in bucket.take(at: 100) }
        #expect(decisions.first == .allowed(remaining: 9, resetSeconds: 1))
        #expect(decisions[9] == .allowed(remaining: 0, resetSeconds: 2))
        #expect(decisions[10] == .limited(retryAfterSeconds: 1))
    }

    @Test func refillsAtTheRateUpToTheBurst() {
        var bucket = TokenBucket(limit: Self.fivePerSecond, now: 0)
        for _ in 0..<10 { _ = bucket.take(at: 0) }
        #expect(bucket.take(at: 0.1) == .limited(retryAfterSeconds: 1))
        #expect(bucket.take(at: 0.2) == .allowed(remaining: 0, resetSeconds: 2))
        #expect(!bucket.isFull(at: 1))
        #expect(bucket.isFull(at: 2.2))
        #expect(bucket.take(at: 1000) == .allowed(remaining: 9, resetSeconds: 1))
    }

    @Test func slowRateAnnouncesTheWholeWait() {
        var bucket = TokenBucket(limit: RateLimit(perSecond: 0.1, burst: 1), now: 0)
        #expect(bucket.take(at: 0) == .allowed(remaining: 0, resetSeconds: 10))
        #expect(bucket.take(at: 1) == .limited(retryAfterSeconds: 9))
    }

    @Test func clockGoingBackwardsTakesNothingExtra() {
        var bucket = TokenBucket(limit: RateLimit(perSecond: 1, burst: 1), now: 50)
        _ = bucket.take(at: 50)
        #expect(bucket.take(at: 10) == .limited(retryAfterSeconds: 1))
    }
}
