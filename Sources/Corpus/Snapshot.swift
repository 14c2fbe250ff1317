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
    /// The documents by id.
    let byID: PersistentSortedMap<String, Document>
    /// Each slug's documents' ids, in id order: the first keeps the slug.
    private let bySlug: PersistentSortedMap<String, [String]>
    /// Every quotation, in document order.
    public let quotes: DocumentParts<Quote>
    /// Every press contact, in document order.
    public let contacts: DocumentParts<Contact>
    /// The documents under each list condition, in id and publication order.
    let postings: DocumentPostings
    /// The date mentions in timeline order, overall and per entity.
    private let dateMentions: TimelineIndex
    /// The quotations by each speaker entity, in document order.
    private let speakerQuotes: DocumentKeys<SpeakerQuoteKey>

    /// The documents, sorted by id.
    public var documents: PersistentSortedMap<String, Document>.Values { self.byID.values }

    /// The documents by publication date (see `PublicationOrder`), read in order.
    ///
    /// - Complexity: O(log *n*) per document read.
    public func documents(published direction: PublicationOrder.Direction) -> PositionalList<Document> {
        let (ids, byID) = (self.postings.ids(.all, published: nil, direction), self.byID)
        return PositionalList(count: ids.count) { byID[ids[$0]]! }
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
        // The list indexes are independent: built two at a time.
        let (lists, parts) = ConcurrentMap.both(
            { (DocumentPostings(sorted), TimelineIndex(sorted), DocumentKeys(sorted, keys: SpeakerQuoteKey.keys)) },
            { (DocumentParts(sorted) { $0.quotes }, DocumentParts(sorted) { $0.contacts }) })
        (self.postings, self.dateMentions, self.speakerQuotes) = lists
        (self.quotes, self.contacts) = parts
    }

    private init(
        version: Int, byID: PersistentSortedMap<String, Document>, bySlug: PersistentSortedMap<String, [String]>,
        quotes: DocumentParts<Quote>, contacts: DocumentParts<Contact>, postings: DocumentPostings, dateMentions: TimelineIndex,
        speakerQuotes: DocumentKeys<SpeakerQuoteKey>
    ) {
        self.version = version
        self.byID = byID
        self.bySlug = bySlug
        self.quotes = quotes
        self.contacts = contacts
        self.postings = postings
        self.dateMentions = dateMentions
        self.speakerQuotes = speakerQuotes
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
            byID: self.byID, bySlug: self.bySlug, quotes: self.quotes, contacts: self.contacts, postings: self.postings,
            dateMentions: self.dateMentions, speakerQuotes: self.speakerQuotes
        )
        func forget(_ old: Document) {
            next.bySlug.modifyValue(forKey: old.slug) { ids in
                ids.removeAll { $0 == old.id }
                return !ids.isEmpty
            }
            next.quotes.remove(old)
            next.contacts.remove(old)
            next.postings.remove(old)
            next.dateMentions.remove(old)
            next.speakerQuotes.remove(old)
        }
        for id in removed {
            if let old = next.byID.removeValue(forKey: id) { forget(old) }
        }
        for document in added {
            if let old = next.byID.updateValue(document, forKey: document.id) { forget(old) }
            next.bySlug.modifyValue(forKey: document.slug, default: []) { ids in
                ids.insert(document.id, at: ids.firstIndex { $0 > document.id } ?? ids.endIndex)
            }
            next.quotes.add(document)
            next.contacts.add(document)
            next.postings.add(document)
            next.dateMentions.add(document)
            next.speakerQuotes.add(document)
        }
        return Snapshot(
            version: version, byID: next.byID, bySlug: next.bySlug, quotes: next.quotes, contacts: next.contacts,
            postings: next.postings, dateMentions: next.dateMentions, speakerQuotes: next.speakerQuotes)
    }

    /// The date mentions whose days overlap `from`...`to` (either open), in date order (as
    /// written, so a year before its months and days), then document id, paragraph and start;
    /// with `entity`, only those in a paragraph that names that entity.
    ///
    /// - Complexity: O(log *n*) to find them and per mention read.
    public func timeline(entity: String?, from: CalendarDate?, to: CalendarDate?) -> PositionalList<DocumentPart<DateMention>> {
        let mentions = self.dateMentions.mentions(entity: entity, from: from, to: to)
        let byID = self.byID
        return PositionalList(count: mentions.count) { position in
            let key = mentions[position]
            let document = byID[key.documentID]!
            return DocumentPart(document: document, part: document.dates[key.mention])
        }
    }

    /// The quotations whose speaker is the entity `speaker`, of the document `documentID` or of
    /// all, in document order.
    ///
    /// - Complexity: O(log *n*) to find them and per quotation read.
    public func quotes(speaker: String, documentID: String?) -> PositionalList<DocumentPart<Quote>> {
        let (from, upTo) = SpeakerQuoteKey.range(speaker: speaker, documentID: documentID)
        let (keys, positions) = (self.speakerQuotes, self.speakerQuotes.positions(from: from, upTo: upTo))
        let byID = self.byID
        return PositionalList(count: positions.count) { position in
            let key = keys[positions.lowerBound + position]
            let document = byID[key.documentID]!
            return DocumentPart(document: document, part: document.quotes[key.position])
        }
    }

    /// The document with this id, or `nil`.
    ///
    /// - Complexity: O(log *n*).
    public func document(id: String) -> Document? {
        self.byID[id]
    }

    /// The document with this id, or else this slug, or `nil`.
    ///
    /// - Complexity: O(log *n*).
    public func document(idOrSlug key: String) -> Document? {
        if let document = self.byID[key] { return document }
        return self.bySlug[key]?.first.flatMap { self.byID[$0] }
    }
}
