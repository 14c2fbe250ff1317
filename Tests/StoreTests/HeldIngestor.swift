import DocumentModel
import Extraction
import Locking
import TestSupport

/// An `Ingestor` that holds the first ingestion of a text starting with `HeldIngestor.marker`
/// until the test releases it: a deterministic stand-in for a document that takes long.
final class HeldIngestor: SubmissionIngesting {
    /// Starts a text whose ingestion is held.
    static let marker = "Held:"

    /// Open once the held ingestion has started.
    let entered = Latch()
    /// Opened by the test to let it finish.
    let release = Latch()
    private let ingestor = Ingestor()
    private let hasHeld = Locked(false)

    var extractorVersion: Int { self.ingestor.extractorVersion }

    func ingest(_ submission: DocumentSubmission, id: String, budget: IngestionBudget) throws(IngestError) -> Document {
        let holds = submission.text.hasPrefix(Self.marker) && self.hasHeld.withLock { held in
            defer { held = true }
            return !held
        }
        if holds {
            self.entered.open()
            _ = self.release.wait(timeout: .seconds(30))
        }
        return try self.ingestor.ingest(submission, id: id, budget: budget)
    }
}
