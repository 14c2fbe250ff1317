import Corpus
import DocumentModel
import HTTPServer
import Store

/// A snapshot with the indexes the API reads, and the documents' JSON rendered on demand.
///
/// Built when a snapshot is made, never per request. After a write, the search indexes,
/// the entity directory and the similarity index take in only the documents added and
/// removed: nothing is rebuilt on a read. A document's JSON is rendered when it is first
/// asked for and kept in a cache shared by every version, bounded by its bytes: a document
/// read often costs one rendering, one never read costs no memory for its JSON.
///
/// - Note: Immutable (the cache guards its own state), hence `Sendable`.
final class RenderedCorpus: Sendable {
    /// Most bytes of rendered documents kept.
    static let responseCacheCapacity = 64 << 20

    let snapshot: Snapshot
    /// Full-text search over the documents, and over their quotations.
    let search: SearchIndex
    let quotationSearch: SearchIndex
    /// The corpus's entities, merged across documents.
    let entities: EntityDirectory
    /// Which documents are alike.
    let similarity: SimilarityIndex
    private let responses: DocumentResponseCache

    /// Indexes every document of a snapshot: the search indexes and the entity directory on
    /// one thread while the similarity index is built on the others.
    ///
    /// - Complexity: O(*n*) in the corpus size (the entity directory O(*m* log *m*) in its
    ///   entity mentions).
    convenience init(snapshot: Snapshot) {
        self.init(snapshot: snapshot, responses: DocumentResponseCache(capacity: Self.responseCacheCapacity))
    }

    private convenience init(snapshot: Snapshot, responses: DocumentResponseCache) {
        let documents = Array(snapshot.documents)
        let (indexes, similarity) = ConcurrentMap.both(
            { (search: SearchIndex(documents: documents), quotations: SearchIndex.quotations(of: documents), entities: EntityDirectory(documents: documents)) },
            { SimilarityIndex(documents: documents) })
        self.init(
            snapshot: snapshot, search: indexes.search, quotationSearch: indexes.quotations, entities: indexes.entities,
            similarity: similarity, responses: responses)
    }

    private init(
        snapshot: Snapshot, search: SearchIndex, quotationSearch: SearchIndex, entities: EntityDirectory, similarity: SimilarityIndex,
        responses: DocumentResponseCache
    ) {
        self.snapshot = snapshot
        self.search = search
        self.quotationSearch = quotationSearch
        self.entities = entities
        self.similarity = similarity
        self.responses = responses
    }

    /// The next rendering, after a group of writes: only the new documents are indexed; the
    /// removed and replaced ones (their old versions) are taken out of every index. The
    /// result is the same as indexing the publication's snapshot anew, which is what is done
    /// when the group changes most of the collection.
    ///
    /// - Complexity: indexing costs only the documents changed: their words, entities and
    ///   quotations, each O(log *n*).
    ///
    /// - Parameter rebuildingChanges: the fewest changes that may have it indexed anew (see
    ///   `RebuildPolicy`).
    func applying(_ publication: DocumentStore.Publication, rebuildingChanges: Int = RebuildPolicy.fewestChanges) -> RenderedCorpus {
        let changes = publication.added.count + publication.removed.count
        if RebuildPolicy.buildsAnew(changes: changes, collection: publication.snapshot.documents.count, fewestChanges: rebuildingChanges) {
            return RenderedCorpus(snapshot: publication.snapshot, responses: self.responses)
        }
        var entities = self.entities
        var similarity = self.similarity
        // The documents this publication has indexed or dropped so far (`nil`: dropped), over
        // the previous snapshot's: what each index holds at each step.
        var changed: [String: Document?] = [:]
        func drop(_ id: String) {
            guard let old = changed[id] ?? self.snapshot.document(id: id) else { return }
            changed[id] = .some(nil)
            entities.remove(old)
            similarity.remove(old)
        }
        for id in publication.removed { drop(id) }
        for document in publication.added {
            drop(document.id)
            changed[document.id] = document
            entities.add(document)
            similarity.add(document)
        }
        let replaced = publication.removed.union(publication.added.map(\.id))
        return RenderedCorpus(
            snapshot: publication.snapshot,
            search: self.search.removing(documentIDs: replaced).adding(publication.added),
            quotationSearch: self.quotationSearch.removing(documentIDs: replaced).addingQuotations(of: publication.added),
            entities: entities, similarity: similarity, responses: self.responses)
    }

    /// The document with this id or slug.
    func document(idOrSlug key: String) -> Document? {
        self.snapshot.document(idOrSlug: key)
    }

    /// How many documents' responses are rendered and kept, and their bytes (at most
    /// `responseCacheCapacity`): for `/metrics`.
    var renderedResponses: (documents: Int, bytes: Int) {
        self.responses.usage
    }

    /// A document's whole 200 response with its compact JSON: rendered before, or now.
    func response(for document: Document) -> Response {
        self.responses.response(for: document)
    }
}
