import DocumentModel
import PersistentCollections

/// An immutable, consistent view of the corpus.
///
/// Readers hold a snapshot for the whole of a request; a write builds the next snapshot and
/// swaps it in, so readers never see a half-applied change. Consecutive snapshots share all
/// but the paths a write changed, so the next one costs O(log *n*) per document written, not
/// a copy of the collection.
///
/// - Note: Immutable, hence `Sendable` and shared across queues without locks.
public final class Snapshot: Sendable {
    /// Incremented with every change; part of every ETag.
    public let version: Int
    private let byID: PersistentSortedMap<String, Document>
    /// Each slug's documents' ids, in id order: the first keeps the slug.
    private let bySlug: PersistentSortedMap<String, [String]>
    private let oldestFirst: PersistentSortedMap<PublicationOrder, Document>
    private let newestFirst: PersistentSortedMap<PublicationOrder, Document>
    /// Every quotation, in document order.
    public let quotes: DocumentParts<Quote>
    /// Every press contact, in document order.
    public let contacts: DocumentParts<Contact>

    /// The documents, sorted by id.
    public var documents: PersistentSortedMap<String, Document>.Values { self.byID.values }

    /// The documents by publication date (see `PublicationOrder`), read in order.
    public func documents(published direction: PublicationOrder.Direction) -> PersistentSortedMap<PublicationOrder, Document>.Values {
        direction == .oldestFirst ? self.oldestFirst.values : self.newestFirst.values
    }

    /// Makes a snapshot.
    ///
    /// - Parameters:
    ///   - documents: the documents; ids must be unique.
    ///   - version: the change number.
    /// - Precondition: ids are unique.
    public init(documents: [Document], version: Int) {
        let sorted = documents.sorted { $0.id < $1.id }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) {
            precondition(earlier.id != later.id, "duplicate document id \(later.id)")
        }
        // Ids in id order per slug, so the first document (by id) with a slug keeps it.
        let slugs = Dictionary(grouping: sorted.map { ($0.slug, $0.id) }, by: \.0).mapValues { $0.map(\.1) }
        self.version = version
        self.byID = PersistentSortedMap(sortedUniqueEntries: sorted.lazy.map { ($0.id, $0) })
        self.bySlug = PersistentSortedMap(sortedUniqueEntries: slugs.sorted { $0.key < $1.key }.lazy.map { ($0.key, $0.value) })
        self.oldestFirst = Self.publicationIndex(sorted, .oldestFirst)
        self.newestFirst = Self.publicationIndex(sorted, .newestFirst)
        self.quotes = DocumentParts(sorted) { $0.quotes }
        self.contacts = DocumentParts(sorted) { $0.contacts }
    }

    private static func publicationIndex(_ documents: [Document], _ direction: PublicationOrder.Direction) -> PersistentSortedMap<PublicationOrder, Document> {
        let ordered = documents.map { (PublicationOrder($0, direction), $0) }.sorted { $0.0 < $1.0 }
        return PersistentSortedMap(sortedUniqueEntries: ordered)
    }

    private init(
        version: Int, byID: PersistentSortedMap<String, Document>, bySlug: PersistentSortedMap<String, [String]>,
        oldestFirst: PersistentSortedMap<PublicationOrder, Document>, newestFirst: PersistentSortedMap<PublicationOrder, Document>,
        quotes: DocumentParts<Quote>, contacts: DocumentParts<Contact>
    ) {
        self.version = version
        self.byID = byID
        self.bySlug = bySlug
        self.oldestFirst = oldestFirst
        self.newestFirst = newestFirst
        self.quotes = quotes
        self.contacts = contacts
    }

    /// This snapshot with documents removed and added: the next version of the collection.
    ///
    /// - Parameters:
    ///   - added: documents to add; one with an existing id replaces it.
    ///   - removed: ids to remove (applied before `added`).
    ///   - version: the new snapshot's change number.
    /// - Complexity: O((*a* + *r*) log *n*) for *a* added and *r* removed documents.
    public func applying(adding added: [Document], removing removed: Set<String>, version: Int) -> Snapshot {
        var next = (
            byID: self.byID, bySlug: self.bySlug, oldestFirst: self.oldestFirst, newestFirst: self.newestFirst,
            quotes: self.quotes, contacts: self.contacts
        )
        func forget(_ old: Document) {
            guard var ids = next.bySlug[old.slug] else { return }
            ids.removeAll { $0 == old.id }
            next.bySlug[old.slug] = ids.isEmpty ? nil : ids
            next.oldestFirst[PublicationOrder(old, .oldestFirst)] = nil
            next.newestFirst[PublicationOrder(old, .newestFirst)] = nil
            next.quotes.remove(old)
            next.contacts.remove(old)
        }
        for id in removed {
            if let old = next.byID.removeValue(forKey: id) { forget(old) }
        }
        for document in added {
            if let old = next.byID.updateValue(document, forKey: document.id) { forget(old) }
            var ids = next.bySlug[document.slug] ?? []
            ids.insert(document.id, at: ids.firstIndex { $0 > document.id } ?? ids.endIndex)
            next.bySlug[document.slug] = ids
            next.oldestFirst[PublicationOrder(document, .oldestFirst)] = document
            next.newestFirst[PublicationOrder(document, .newestFirst)] = document
            next.quotes.add(document)
            next.contacts.add(document)
        }
        return Snapshot(
            version: version, byID: next.byID, bySlug: next.bySlug, oldestFirst: next.oldestFirst, newestFirst: next.newestFirst,
            quotes: next.quotes, contacts: next.contacts)
    }

    /// The document with this id, or else this slug, or `nil`.
    ///
    /// - Complexity: O(log *n*).
    public func document(idOrSlug key: String) -> Document? {
        if let document = self.byID[key] { return document }
        return self.bySlug[key]?.first.flatMap { self.byID[$0] }
    }
}
