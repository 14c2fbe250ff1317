import Corpus
import HTTPServer
import Serialization

/// A snapshot with every document's JSON rendered once, for serving as shared bytes.
///
/// Built when a snapshot is made, never per request: `GET /v1/documents/{id}` hands out the
/// stored bytes and ETag, so its cost does not depend on the document's size.
///
/// - Note: Immutable, hence `Sendable`.
final class RenderedCorpus: Sendable {
    /// One document, rendered.
    struct Entry: Sendable {
        let document: Document
        /// The full JSON value (re-serialised only for `?pretty=true`).
        let json: JSONValue
        /// The whole 200 response with the compact JSON, built once: serving it copies nothing.
        let response: Response
    }

    let snapshot: Snapshot
    /// The corpus's entities, merged across documents.
    let entities: EntityDirectory
    /// Which documents are alike.
    let similarity: SimilarityIndex
    /// Full-text search over the documents, and over their quotations.
    let search: SearchIndex
    let quotationSearch: SearchIndex
    private let entries: [String: Entry]

    /// Renders every document of a snapshot.
    ///
    /// - Complexity: O(*n*) in the corpus size.
    init(snapshot: Snapshot) {
        self.snapshot = snapshot
        self.entities = EntityDirectory(documents: snapshot.documents)
        self.similarity = SimilarityIndex(documents: snapshot.documents)
        self.search = SearchIndex(documents: snapshot.documents)
        self.quotationSearch = SearchIndex.quotations(of: snapshot.documents)
        var entries: [String: Entry] = [:]
        for document in snapshot.documents {
            let json = DocumentRepresentation.full(document)
            let compact = JSONWriter.serialize(json)
            let headers = HeaderFields([
                ("Content-Type", "application/json"), ("Cache-Control", "no-cache"), ("ETag", EntityTag.make(for: compact)),
            ])
            entries[document.id] = Entry(document: document, json: json, response: Response(headers: headers, body: compact))
        }
        self.entries = entries
    }

    /// The rendered document with this id or slug.
    func entry(idOrSlug key: String) -> Entry? {
        if let entry = self.entries[key] { return entry }
        return self.snapshot.document(idOrSlug: key).flatMap { self.entries[$0.id] }
    }
}
