import Corpus
import DocumentModel
import HTTPServer
import PersistentCollections
import Serialization

/// A snapshot with every document's JSON rendered once, for serving as shared bytes.
///
/// Built when a snapshot is made, never per request: `GET /v1/documents/{id}` hands out the
/// stored bytes and ETag, so its cost does not depend on the document's size. After a write,
/// only the new documents are rendered and profiled; the entity directory and the
/// similarity index, which span the whole corpus, are built when first asked for.
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
        /// Its words and entities, for the similarity index.
        let profile: SimilarityIndex.Profile
    }

    let snapshot: Snapshot
    /// Full-text search over the documents, and over their quotations.
    let search: SearchIndex
    let quotationSearch: SearchIndex
    private let entries: PersistentSortedMap<String, Entry>
    private let lazyEntities: Lazy<EntityDirectory>
    private let lazySimilarity: Lazy<SimilarityIndex>

    /// The corpus's entities, merged across documents.
    var entities: EntityDirectory { self.lazyEntities.value }
    /// Which documents are alike.
    var similarity: SimilarityIndex { self.lazySimilarity.value }

    /// Renders every document of a snapshot.
    ///
    /// - Complexity: O(*n*) in the corpus size.
    convenience init(snapshot: Snapshot) {
        let documents = Array(snapshot.documents)
        self.init(
            snapshot: snapshot, search: SearchIndex(documents: documents),
            quotationSearch: SearchIndex.quotations(of: documents),
            entries: PersistentSortedMap(sortedUniqueEntries: zip(documents.map(\.id), ConcurrentMap.map(documents, Self.render))))
    }

    private init(snapshot: Snapshot, search: SearchIndex, quotationSearch: SearchIndex, entries: PersistentSortedMap<String, Entry>) {
        self.snapshot = snapshot
        self.lazyEntities = Lazy { EntityDirectory(documents: Array(snapshot.documents)) }
        self.lazySimilarity = Lazy { SimilarityIndex(profiles: entries.values.map(\.profile)) }
        self.search = search
        self.quotationSearch = quotationSearch
        self.entries = entries
    }

    /// The next rendering, after a group of writes: only the new documents are rendered,
    /// profiled and indexed for search; the removed ones are dropped from both indexes.
    ///
    /// - Complexity: O(log *n*) per document for the entries (they share structure with the
    ///   previous version's); rendering and indexing cost only the added documents.
    func applying(_ publication: DocumentStore.Publication) -> RenderedCorpus {
        var entries = self.entries
        for id in publication.removed { entries[id] = nil }
        for document in publication.added { entries[document.id] = Self.render(document) }
        let replaced = publication.removed.union(publication.added.map(\.id))
        return RenderedCorpus(
            snapshot: publication.snapshot,
            search: self.search.removing(documentIDs: replaced).adding(publication.added),
            quotationSearch: self.quotationSearch.removing(documentIDs: replaced).addingQuotations(of: publication.added),
            entries: entries)
    }

    /// A document's JSON and its whole 200 response.
    private static func render(_ document: Document) -> Entry {
        let json = DocumentRepresentation.full(document)
        let compact = JSONWriter.serialize(json)
        let headers = HeaderFields([
            ("Content-Type", "application/json"), ("Cache-Control", "no-cache"), ("ETag", EntityTag.make(for: compact)),
        ])
        return Entry(document: document, json: json, response: Response(headers: headers, body: compact), profile: SimilarityIndex.Profile(document))
    }

    /// The rendered document with this id or slug.
    func entry(idOrSlug key: String) -> Entry? {
        if let entry = self.entries[key] { return entry }
        return self.snapshot.document(idOrSlug: key).flatMap { self.entries[$0.id] }
    }
}
