import Glibc

/// A wall-clock reading to the millisecond, for log lines.
struct LogTime: Sendable, Hashable {
    /// Seconds since the Unix epoch.
    let seconds: Int
    /// Milliseconds into that second, 0 to 999.
    let milliseconds: Int

    /// The current time (`CLOCK_REALTIME`, which is a vDSO call on Linux: no system call).
    static func now() -> LogTime {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return LogTime(seconds: Int(now.tv_sec), milliseconds: Int(now.tv_nsec) / 1_000_000)
    }
}
