import Foundation
import Glibc

/// Facts about the machine the server runs on.
public enum System {
    /// The cores this process may use, at least 1: its CPU affinity (`taskset`, container
    /// CPU sets), further capped by a cgroup v2 CPU quota (`docker --cpus`, Kubernetes limits).
    ///
    /// Foundation's `activeProcessorCount` counts online cores and ignores both.
    public static var activeProcessorCount: Int {
        let online = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let allowed = self.affinityCount() ?? online
        return max(1, min(allowed, self.quotaCount() ?? allowed))
    }

    /// Bits set in `Cpus_allowed` of `/proc/self/status` (hex words separated by commas).
    static func affinityCount(status: String? = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) -> Int? {
        guard let status, let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else {
            return nil
        }
        var count = 0
        for character in line.dropFirst("Cpus_allowed:".count) where character.isHexDigit {
            count += character.hexDigitValue!.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }

    /// `ceil(quota / period)` from cgroup v2 `cpu.max` (`"200000 100000"`), or `nil` for `max`.
    static func quotaCount(cpuMax: String? = try? String(contentsOfFile: "/sys/fs/cgroup/cpu.max", encoding: .utf8)) -> Int? {
        guard let fields = cpuMax?.split(whereSeparator: \.isWhitespace), fields.count == 2,
            let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0
        else { return nil }
        return (quota + period - 1) / period
    }

    /// `SCHED_BATCH` of `<sched.h>`; Glibc's module map does not export it.
    private static let batchSchedulingPolicy: Int32 = 3

    /// Switches the calling thread, and every thread it creates afterwards, to the Linux
    /// `SCHED_BATCH` policy.
    ///
    /// Dispatch hands each socket event from its event thread to a worker thread. Under the
    /// normal policy the woken worker preempts the event thread at once, so every request
    /// costs two context switches; batch threads are not woken into preemption, so the event
    /// thread delivers a whole batch of events first. It needs no privileges. Call it first
    /// thing, before any thread exists.
    ///
    /// - Throws: `SystemCallError` from `sched_setscheduler`.
    public static func useBatchScheduling() throws(SystemCallError) {
        var parameters = sched_param()
        parameters.sched_priority = 0
        _ = try systemCall("sched_setscheduler(SCHED_BATCH)") { sched_setscheduler(0, self.batchSchedulingPolicy, &parameters) }
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
    public var nanoseconds: UInt64 {
        let (seconds, attoseconds) = self.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
