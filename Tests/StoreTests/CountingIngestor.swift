import DocumentModel
import Extraction
import Locking

/// An `Ingestor` that counts its ingestions and claims a chosen extractor version: what a
/// test needs to see whether a store loaded its documents or ingested them again.
final class CountingIngestor: SubmissionIngesting {
    let extractorVersion: Int
    private let ingestor = Ingestor()
    private let count = Locked(0)

    init(version: Int = Ingestor.version) {
        self.extractorVersion = version
    }

    /// How many documents it has ingested.
    var ingestions: Int { self.count.withLock { $0 } }

    func ingest(_ submission: DocumentSubmission, id: String, budget: IngestionBudget) throws(IngestError) -> Document {
        self.count.withLock { $0 += 1 }
        return try self.ingestor.ingest(submission, id: id, budget: budget)
    }
}
