import DocumentModel

/// What a POST asked to store: the raw text plus metadata overrides.
///
/// Stored as given, beside the document ingested from it (`IngestedDocument`): a newer
/// extractor ingests the text again.
public struct DocumentSubmission: Sendable, Hashable {
    /// The document's raw text.
    public var text: String
    /// Publisher or agency overriding the text's own, if given.
    public var source: String?
    /// Publication date `YYYY-MM-DD` as given, if given.
    public var published: String?
    /// Headline overriding the text's own, if given.
    public var title: String?

    /// Makes a submission.
    public init(text: String, source: String? = nil, published: String? = nil, title: String? = nil) {
        self.text = text
        self.source = source
        self.published = published
        self.title = title
    }
}
