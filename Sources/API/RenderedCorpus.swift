import Corpus
import DocumentModel
import HTTPServer
import PersistentCollections
import Serialization

/// A snapshot with every document's JSON rendered once, for serving as shared bytes.
///
/// Built when a snapshot is made, never per request: `GET /v1/documents/{id}` hands out the
/// stored bytes and ETag, so its cost does not depend on the document's size. After a write,
/// only the new documents are rendered, and the search indexes, the entity directory and
/// the similarity index take in only the documents added and removed: nothing is rebuilt
/// on a read.
///
/// - Note: Immutable, hence `Sendable`.
final class RenderedCorpus: Sendable {
    /// One document, rendered.
    ///
    /// Only the compact bytes are kept: the JSON tree they were written from took several
    /// times their size, and `?pretty=true` or `fields=` (rare) build it again from the document.
    struct Entry: Sendable {
        let document: Document
        /// The whole 200 response with the compact JSON, built once: serving it copies nothing.
        let response: Response
    }

    let snapshot: Snapshot
    /// Full-text search over the documents, and over their quotations.
    let search: SearchIndex
    let quotationSearch: SearchIndex
    /// The corpus's entities, merged across documents.
    let entities: EntityDirectory
    /// Which documents are alike.
    let similarity: SimilarityIndex
    private let entries: PersistentSortedMap<String, Entry>

    /// Renders every document of a snapshot.
    ///
    /// - Complexity: O(*n*) in the corpus size (the entity directory O(*m* log *m*) in its
    ///   entity mentions).
    convenience init(snapshot: Snapshot) {
        let documents = Array(snapshot.documents)
        self.init(
            snapshot: snapshot, search: SearchIndex(documents: documents),
            quotationSearch: SearchIndex.quotations(of: documents),
            entities: EntityDirectory(documents: documents), similarity: SimilarityIndex(documents: documents),
            entries: PersistentSortedMap(sortedUniqueEntries: zip(documents.map(\.id), ConcurrentMap.map(documents, Self.render))))
    }

    private init(
        snapshot: Snapshot, search: SearchIndex, quotationSearch: SearchIndex, entities: EntityDirectory, similarity: SimilarityIndex,
        entries: PersistentSortedMap<String, Entry>
    ) {
        self.snapshot = snapshot
        self.search = search
        self.quotationSearch = quotationSearch
        self.entities = entities
        self.similarity = similarity
        self.entries = entries
    }

    /// The next rendering, after a group of writes: only the new documents are rendered and
    /// indexed; the removed and replaced ones (their old versions) are taken out of every index.
    ///
    /// - Complexity: O(log *n*) per document for the entries (they share structure with the
    ///   previous version's); rendering and indexing cost only the documents changed: their
    ///   words, entities and quotations, each O(log *n*).
    func applying(_ publication: DocumentStore.Publication) -> RenderedCorpus {
        var entries = self.entries
        var entities = self.entities
        var similarity = self.similarity
        func drop(_ id: String) {
            guard let old = entries.removeValue(forKey: id)?.document else { return }
            entities.remove(old)
            similarity.remove(old)
        }
        for id in publication.removed { drop(id) }
        for document in publication.added {
            drop(document.id)
            entries[document.id] = Self.render(document)
            entities.add(document)
            similarity.add(document)
        }
        let replaced = publication.removed.union(publication.added.map(\.id))
        return RenderedCorpus(
            snapshot: publication.snapshot,
            search: self.search.removing(documentIDs: replaced).adding(publication.added),
            quotationSearch: self.quotationSearch.removing(documentIDs: replaced).addingQuotations(of: publication.added),
            entities: entities, similarity: similarity, entries: entries)
    }

    /// A document's JSON and its whole 200 response.
    private static func render(_ document: Document) -> Entry {
        let compact = JSONWriter.serialize(DocumentRepresentation.full(document))
        let headers = HeaderFields([
            ("Content-Type", "application/json"), ("Cache-Control", "no-cache"), ("ETag", EntityTag.make(for: compact)),
        ])
        return Entry(document: document, response: Response(headers: headers, body: compact))
    }

    /// The rendered document with this id or slug.
    func entry(idOrSlug key: String) -> Entry? {
        if let entry = self.entries[key] { return entry }
        return self.snapshot.document(idOrSlug: key).flatMap { self.entries[$0.id] }
    }
}
