/// A token bucket: `burst` requests at once, then `perSecond` a second, for one client.
///
/// A value on an injected clock (seconds as `Double`), so tests drive it without waiting.
/// The bucket starts full; each request takes one token; tokens come back continuously.
public struct TokenBucket: Sendable, Equatable {
    /// The limit it enforces.
    public let limit: RateLimit
    /// Tokens left, fractions included.
    public private(set) var tokens: Double
    /// When `tokens` was last brought up to date.
    public private(set) var updatedAt: Double

    /// A full bucket at `now`.
    public init(limit: RateLimit, now: Double) {
        self.limit = limit
        self.tokens = Double(limit.burst)
        self.updatedAt = now
    }

    /// Takes a token for a request at `now`, if there is one.
    public mutating func take(at now: Double) -> RateDecision {
        self.refill(to: now)
        guard self.tokens >= 1 else {
            let wait = (1 - self.tokens) / self.limit.perSecond
            return .limited(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
        }
        self.tokens -= 1
        let untilFull = (Double(self.limit.burst) - self.tokens) / self.limit.perSecond
        return .allowed(remaining: Int(self.tokens), resetSeconds: Int(untilFull.rounded(.up)))
    }

    /// Whether the bucket would be full at `now`: then it is no different from a new one,
    /// and a limiter may forget it.
    public func isFull(at now: Double) -> Bool {
        self.tokens + (now - self.updatedAt) * self.limit.perSecond >= Double(self.limit.burst)
    }

    /// Adds the tokens earned since `updatedAt`, up to the burst.
    private mutating func refill(to now: Double) {
        guard now > self.updatedAt else { return }
        self.tokens = min(Double(self.limit.burst), self.tokens + (now - self.updatedAt) * self.limit.perSecond)
        self.updatedAt = now
    }
}

/// How many requests a client may make: `burst` at once, `perSecond` sustained.
public struct RateLimit: Sendable, Hashable {
    /// The sustained rate, in requests a second (more than zero).
    public let perSecond: Double
    /// How many requests may come at once (at least one).
    public let burst: Int

    /// A limit; `perSecond` must be positive and `burst` at least 1.
    public init(perSecond: Double, burst: Int) {
        precondition(perSecond > 0 && burst >= 1, "a rate limit needs a positive rate and a burst of at least 1")
        self.perSecond = perSecond
        self.burst = burst
    }
}

/// Whether a request is within its client's rate.
public enum RateDecision: Sendable, Equatable {
    /// Go ahead: `remaining` requests may follow at once, and the bucket is full again in
    /// `resetSeconds`.
    case allowed(remaining: Int, resetSeconds: Int)
    /// 429: the client may try again in `retryAfterSeconds` (at least 1).
    case limited(retryAfterSeconds: Int)
}
