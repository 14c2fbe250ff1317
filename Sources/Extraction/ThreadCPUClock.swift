import Glibc

/// The CPU time used by the calling thread (`CLOCK_THREAD_CPUTIME_ID`): what an ingestion
/// costs, whatever else the machine is doing.
public enum ThreadCPUClock {
    /// The CPU time the calling thread has used since it started.
    @Sendable
    public static func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
