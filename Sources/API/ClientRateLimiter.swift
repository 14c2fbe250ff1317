import Access
import Dispatch
import Locking

/// One kind of request's rate limit, per client: a token bucket for each client seen.
///
/// Memory is bounded: at `maxClients` buckets, the full ones (no different from new) are
/// forgotten, and if more than half are still in use the table starts over, failing open
/// rather than sweeping again at the next new client. A sweep thus comes at most once per
/// `maxClients / 2` new clients: the work is amortised O(1) per request.
///
/// - Note: The buckets are guarded by `state`'s lock, held for one lookup and one update.
final class ClientRateLimiter: Sendable {
    private struct State {
        var buckets: [String: TokenBucket] = [:]
    }

    /// The policy's name in `RateLimit-Policy` and `RateLimit` (`writes`, `search`).
    let name: String
    /// The limit each client gets.
    let limit: RateLimit
    private let maxClients: Int
    private let now: @Sendable () -> Double
    private let state = Locked(State())

    /// A limiter over `limit` per client, on the monotonic clock unless tests give another.
    init(name: String, limit: RateLimit, maxClients: Int = 100_000, now: @escaping @Sendable () -> Double = ClientRateLimiter.monotonicSeconds) {
        self.name = name
        self.limit = limit
        self.maxClients = maxClients
        self.now = now
    }

    /// Takes one request of `client`'s share.
    func take(client: String) -> RateDecision {
        let now = self.now()
        return self.state.withLock { state in
            if state.buckets[client] == nil {
                if state.buckets.count >= self.maxClients {
                    state.buckets = state.buckets.filter { !$0.value.isFull(at: now) }
                    if state.buckets.count >= self.maxClients / 2 { state.buckets.removeAll(keepingCapacity: true) }
                }
                state.buckets[client] = TokenBucket(limit: self.limit, now: now)
            }
            return state.buckets[client]!.take(at: now)
        }
    }

    /// `RateLimit-Policy`: the quota (the burst) and the window in which it refills.
    var policyHeader: String {
        "\"\(self.name)\";q=\(self.limit.burst);w=\(max(1, Int((Double(self.limit.burst) / self.limit.perSecond).rounded(.up))))"
    }

    /// `RateLimit`: what is left, and when the quota is whole again.
    func stateHeader(remaining: Int, resetSeconds: Int) -> String {
        "\"\(self.name)\";r=\(remaining);t=\(resetSeconds)"
    }

    /// Seconds on the monotonic clock.
    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
