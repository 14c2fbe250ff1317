import Corpus
import DocumentModel
import Locking
import Store

/// The current rendered snapshot, swapped atomically when the corpus changes.
///
/// Readers take the reference once per request and use it throughout, so a request never
/// sees two versions of the corpus.
///
/// - Note: The reference is guarded by a mutex held only to read or swap it.
final class Catalog: Sendable {
    private let current: Locked<RenderedCorpus>

    /// Makes a catalog serving `snapshot`, rendering every document now.
    init(snapshot: Snapshot) {
        self.current = Locked(RenderedCorpus(snapshot: snapshot))
    }

    /// The snapshot being served.
    var snapshot: Snapshot { self.rendered.snapshot }

    var rendered: RenderedCorpus {
        self.current.withLock { $0 }
    }

    /// Serves the collection after a group of writes; it is rendered before the swap, outside
    /// the lock, so readers never wait for it.
    ///
    /// - Note: Called only by the store's writer queue, one publication at a time, so the
    ///   rendering it starts from is never stale.
    func apply(_ publication: DocumentStore.Publication) {
        let rendered = self.rendered.applying(publication)
        self.current.withLock { $0 = rendered }
    }
}
