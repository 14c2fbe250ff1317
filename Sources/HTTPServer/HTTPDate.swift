import Glibc

/// Formats times for the `Date` header (IMF-fixdate, RFC 9110 §5.6.7) and for logs (RFC 3339),
/// remembering the last second formatted.
///
/// The clock has one-second resolution, so a busy server formats each string once per second
/// instead of once per response.
///
/// - Note: A value type; each worker keeps its own copy, confined to its queue.
struct HTTPDate: Sendable {
    private var second = -1
    private var cachedHeader: [UInt8] = []

    /// The `Date` header value for the current second, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    mutating func headerValue() -> [UInt8] {
        let now = time(nil)
        if now != self.second {
            self.second = now
            self.cachedHeader = Array(Self.imfFixdate(now).utf8)
        }
        return self.cachedHeader
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` for a Unix time.
    static func imfFixdate(_ seconds: Int) -> String {
        let parts = Self.utcComponents(seconds)
        return "\(Self.weekdays[Int(parts.tm_wday)]), \(Self.twoDigits(parts.tm_mday)) \(Self.months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(Self.twoDigits(parts.tm_hour)):\(Self.twoDigits(parts.tm_min)):\(Self.twoDigits(parts.tm_sec)) GMT"
    }

    /// `1994-11-06T08:49:37Z` for a Unix time.
    static func rfc3339(_ seconds: Int) -> String {
        let parts = Self.utcComponents(seconds)
        return "\(parts.tm_year + 1900)-\(Self.twoDigits(parts.tm_mon + 1))-\(Self.twoDigits(parts.tm_mday))"
            + "T\(Self.twoDigits(parts.tm_hour)):\(Self.twoDigits(parts.tm_min)):\(Self.twoDigits(parts.tm_sec))Z"
    }

    private static func utcComponents(_ seconds: Int) -> tm {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return parts
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
