import Locking

/// A clock that advances by a fixed step each time it is read, for deterministic deadlines:
/// the time a piece of work "takes" is how often it reads the clock.
///
/// ```swift
/// let clock = SteppingClock(step: .milliseconds(1))
/// let budget = IngestionBudget(limit: .milliseconds(20), clock: clock.read)  // about 20 readings
/// ```
///
/// - Note: Thread-safe; the reading count is guarded by a mutex.
public final class SteppingClock: Sendable {
    private let step: Duration
    private let readings = Locked(0)

    /// Makes a clock at zero.
    public init(step: Duration) {
        self.step = step
    }

    /// How many times it has been read.
    public var readCount: Int { self.readings.withLock { $0 } }

    /// The current time: one step later than at the previous reading.
    @Sendable public func read() -> Duration {
        self.step * self.readings.withLock { count in
            count += 1
            return count
        }
    }
}
