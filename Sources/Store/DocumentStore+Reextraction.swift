import Dispatch
import DocumentModel
import Extraction
import Locking

extension DocumentStore {
    /// How a background re-extraction is going.
    public enum ReextractionProgress: Sendable, Hashable {
        /// It found `outdated` posted documents made by another extractor version.
        case started(outdated: Int)
        /// It is over: `reextracted` documents were stored again; `failed` no longer ingest
        /// (they keep the document they had) or could not be stored.
        case finished(reextracted: Int, failed: Int)
    }

    /// Ingests again, in the background, every posted document that another extractor version
    /// made, while the old documents serve. Each new document is committed through the writer
    /// as a `document.updated` change (journaled, published, sent to followers), unless the
    /// document was deleted or replaced meanwhile. The documents are ingested one at a time
    /// on a utility queue, so live writes and reads keep the cores, and committed
    /// `reextractionBatch` at a time, so that an archive's worth costs one fsync and one
    /// publication per batch, not per document; `close()` stops it between batches.
    ///
    /// - Parameter progress: told `.started`, then `.finished`; called on a background queue.
    public func reextractOutdated(progress: @escaping @Sendable (ReextractionProgress) -> Void = { _ in }) {
        guard !self.isReadOnly else {
            progress(.started(outdated: 0))
            progress(.finished(reextracted: 0, failed: 0))
            return
        }
        self.writer.async {
            let outdated = self.writerState.state.documents(outdatedFor: self.ingestor.extractorVersion)
            progress(.started(outdated: outdated.count))
            self.reextraction.async {
                let results = stride(from: 0, to: outdated.count, by: Self.reextractionBatch).flatMap { start in
                    self.reextract(outdated[start..<min(start + Self.reextractionBatch, outdated.count)])
                }
                progress(.finished(reextracted: results.filter { $0 == true }.count, failed: results.filter { $0 == false }.count))
            }
        }
    }

    /// Documents re-extracted between two commits.
    static let reextractionBatch = 32

    /// Ingests a batch of documents again and waits until the writer has stored them; for
    /// each, `true` when it was stored, `false` when it no longer ingests or was not stored,
    /// `nil` when it no longer needs it (gone or replaced before it started, or the store
    /// closing).
    private func reextract(_ batch: ArraySlice<(id: String, origin: Int)>) -> [Bool?] {
        guard self.beginBackgroundWork() else { return batch.map { _ in nil } }
        defer { self.endBackgroundWork() }
        let creations = self.writer.sync { batch.map { self.writerState.state.creation(of: $0.id) } }
        // One answer per document of the batch, by position; written by the writer's
        // completions, read once they have all run.
        let results = Locked([Bool?](repeating: nil, count: batch.count))
        var writes: [PendingWrite] = []
        let stored = DispatchGroup()
        for (position, ((id, origin), creation)) in zip(batch, creations).enumerated() {
            guard let creation, creation.origin == origin else { continue }
            do {
                let document = try self.ingestor.ingest(creation.submission, id: id, budget: .unlimited)
                let ingested = IngestedDocument(document: document, extractorVersion: self.ingestor.extractorVersion)
                stored.enter()
                writes.append(.reextract(id: id, origin: origin, ingested: ingested) { wasStored in
                    results.withLock { $0[position] = wasStored }
                    stored.leave()
                })
            } catch {
                self.log("document '\(id)' no longer ingests with this extractor (\(error)); it keeps the document it had")
                results.withLock { $0[position] = false }
            }
        }
        // Queued together, so that the writer commits them as one group.
        self.enqueue(writes)
        stored.wait()
        return results.withLock { $0 }
    }
}
