import Synchronization

/// Whether the service should receive traffic: `GET /readyz` answers 503 until the corpus
/// is loaded and again once draining has begun.
///
/// - Note: Shared by every worker; the state is an atomic.
public final class Readiness: Sendable {
    /// The phases of the process's life.
    public enum Phase: Int, Sendable {
        /// Still loading the corpus.
        case loading = 0
        /// Serving.
        case ready = 1
        /// Shutting down.
        case draining = 2
    }

    private let phase: Atomic<Int>

    /// Makes a readiness flag in the given phase.
    public init(_ phase: Phase = .loading) {
        self.phase = Atomic(phase.rawValue)
    }

    /// The current phase.
    public var current: Phase {
        Phase(rawValue: self.phase.load(ordering: .acquiring)) ?? .draining
    }

    /// Moves from loading to ready; once draining, it stays draining.
    public func finishLoading() {
        _ = self.phase.compareExchange(expected: Phase.loading.rawValue, desired: Phase.ready.rawValue, ordering: .acquiringAndReleasing)
    }

    /// Moves to a phase.
    public func set(_ phase: Phase) {
        self.phase.store(phase.rawValue, ordering: .releasing)
    }
}
