import Corpus
import Synchronization

/// The current rendered snapshot, swapped atomically when the corpus changes.
///
/// Readers take the reference once per request and use it throughout, so a request never
/// sees two versions of the corpus.
///
/// - Note: The reference is guarded by a mutex held only to read or swap it.
public final class Catalog: Sendable {
    private let current: Mutex<RenderedCorpus>

    /// Makes a catalog serving `snapshot`, rendering every document now.
    public init(snapshot: Snapshot) {
        self.current = Mutex(RenderedCorpus(snapshot: snapshot))
    }

    /// The snapshot being served.
    public var snapshot: Snapshot { self.rendered.snapshot }

    var rendered: RenderedCorpus {
        self.current.withLock { $0 }
    }

    /// Serves a new snapshot; it is rendered before the swap, outside the lock.
    public func replace(with snapshot: Snapshot) {
        let rendered = RenderedCorpus(snapshot: snapshot)
        self.current.withLock { $0 = rendered }
    }
}
