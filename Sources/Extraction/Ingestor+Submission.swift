import DocumentModel

/// What turns a submission into a document for a `DocumentStore`: the `Ingestor`, or in tests
/// one that can be held or made to fail.
public protocol SubmissionIngesting: Sendable {
    /// Builds a document from a submission.
    ///
    /// - Parameters:
    ///   - submission: the text and overrides.
    ///   - id: the document's id.
    ///   - budget: the CPU time it may take.
    /// - Throws: `IngestError`.
    func ingest(_ submission: DocumentSubmission, id: String, budget: IngestionBudget) throws(IngestError) -> Document

    /// The version of what `ingest` makes: a document stored by another version is ingested
    /// again (see `Ingestor.version`).
    var extractorVersion: Int { get }
}

extension Ingestor: SubmissionIngesting {
    /// `Ingestor.version`.
    public var extractorVersion: Int { Self.version }

    /// Builds a document from a submission: its text, with the metadata it gives overriding
    /// what the text says.
    ///
    /// - Parameters:
    ///   - submission: the text and overrides.
    ///   - id: the document's id.
    ///   - budget: the CPU time it may take; no limit by default.
    /// - Throws: `IngestError` as `ingest(text:id:title:source:published:budget:)` does.
    public func ingest(_ submission: DocumentSubmission, id: String, budget: IngestionBudget = .unlimited) throws(IngestError) -> Document {
        try self.ingest(
            text: submission.text, id: id, title: submission.title, source: submission.source, published: submission.published,
            budget: budget)
    }
}
