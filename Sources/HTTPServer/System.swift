import Foundation
import Glibc

/// Facts about the machine the server runs on.
public enum System {
    /// The cores this process may run on (its CPU affinity), at least 1.
    ///
    /// Honours `taskset` and container CPU sets, unlike the count of installed cores.
    public static var activeProcessorCount: Int {
        // Foundation reads the affinity mask (sched_getaffinity) on Linux; Glibc's module
        // map does not export that call.
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Nanoseconds on a monotonic clock, for deadlines and durations.
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped at zero.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = self.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
