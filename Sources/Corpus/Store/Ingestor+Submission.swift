import DocumentModel
import Extraction

extension Ingestor {
    /// Builds a document from a submission: its text, with the metadata it gives overriding
    /// what the text says.
    ///
    /// - Parameters:
    ///   - submission: the text and overrides.
    ///   - id: the document's id.
    /// - Throws: `IngestError` as `ingest(text:id:)` does.
    public func ingest(_ submission: DocumentSubmission, id: String) throws(IngestError) -> Document {
        try self.ingest(text: submission.text, id: id, title: submission.title, source: submission.source, published: submission.published)
    }
}
