import Access

/// A rate limit as `serve` takes it: `auto`, `off`, or `RATE/BURST` (`20/40`: 20 requests a
/// second, 40 at once).
enum RateLimitSetting: Equatable, Sendable {
    /// No limit on a loopback-only server (development, and local tools), `exposed` elsewhere.
    case auto
    /// No limit.
    case off
    /// This limit.
    case limit(RateLimit)

    /// The limit in force for a server that is (or is not) loopback-only.
    func effective(isLoopbackOnly: Bool, exposed: RateLimit) -> RateLimit? {
        switch self {
        case .auto: return isLoopbackOnly ? nil : exposed
        case .off: return nil
        case .limit(let limit): return limit
        }
    }

    /// Reads `auto`, `off` or `RATE/BURST` (a rate from 0.01 to 1,000,000 a second, a burst
    /// from 1 to 1,000,000).
    static func parse(_ text: String, source: String) throws(UsageError) -> RateLimitSetting {
        switch text {
        case "auto": return .auto
        case "off": return .off
        default:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let rate = Double(parts[0]), rate >= 0.01, rate <= 1_000_000, let burst = Int(parts[1]),
                (1...1_000_000).contains(burst)
            else {
                throw .invalidValue(source: source, value: text, rule: "must be auto, off, or RATE/BURST like 20/40 (20 a second, 40 at once)")
            }
            return .limit(RateLimit(perSecond: rate, burst: burst))
        }
    }

    /// The setting in the syntax `parse` reads.
    var description: String {
        switch self {
        case .auto: return "auto"
        case .off: return "off"
        case .limit(let limit):
            let rate = limit.perSecond.rounded() == limit.perSecond ? String(Int(limit.perSecond)) : String(limit.perSecond)
            return "\(rate)/\(limit.burst)"
        }
    }

    /// What `auto` means for writes beyond loopback: 20 a second, 40 at once, per client.
    static let exposedWrites = RateLimit(perSecond: 20, burst: 40)
    /// What `auto` means for searches beyond loopback: 50 a second, 100 at once, per client.
    static let exposedSearches = RateLimit(perSecond: 50, burst: 100)
}
