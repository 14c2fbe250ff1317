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
    /// document was deleted or replaced meanwhile. One document at a time, on a utility
    /// queue, so live writes and reads keep the cores; `close()` stops it between documents.
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
                let results = outdated.map { id, origin in self.reextract(id, origin: origin) }
                progress(.finished(reextracted: results.filter { $0 == true }.count, failed: results.filter { $0 == false }.count))
            }
        }
    }

    /// Ingests one document again and waits until the writer has stored it: `true` when it
    /// was, `false` when it no longer ingests or was not stored, `nil` when it no longer needs
    /// it (gone or replaced before it started, or the store closing).
    private func reextract(_ id: String, origin: Int) -> Bool? {
        guard self.beginBackgroundWork() else { return nil }
        defer { self.endBackgroundWork() }
        guard let creation = self.writer.sync(execute: { self.writerState.state.creation(of: id) }), creation.origin == origin else {
            return nil
        }
        let document: Document
        do {
            document = try self.ingestor.ingest(creation.submission, id: id, budget: .unlimited)
        } catch {
            self.log("document '\(id)' no longer ingests with this extractor (\(error)); it keeps the document it had")
            return false
        }
        let stored = Locked<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        let ingested = IngestedDocument(document: document, extractorVersion: self.ingestor.extractorVersion)
        self.enqueue(.reextract(id: id, origin: origin, ingested: ingested) { wasStored in
            stored.withLock { $0 = wasStored }
            done.signal()
        })
        done.wait()
        return stored.withLock { $0 }
    }
}
