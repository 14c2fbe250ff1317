import DocumentModel
import PersistentCollections

/// Every entity of a snapshot, merged across documents by id, with where each appears, kept
/// up to date per write.
///
/// An entity's id is the slug of its canonical name, so the same person, place or
/// organization gets the same id in every document. The directory is a value of persistent
/// maps: adding or removing a document changes only the entries of its own entities (their
/// documents, forms, quotations, co-occurring entities and places in the rankings), and
/// every earlier version stays valid, so each snapshot keeps a consistent directory.
///
/// ```swift
/// var directory = EntityDirectory(documents: snapshot.documents)
/// directory.remove(old)          // a replacement: remove the old version…
/// directory.add(new)             // …and add the new one
/// directory.ranked(kind: .person).prefix(50)   // most mentioned people
/// ```
public struct EntityDirectory: Sendable {
    private var records: PersistentSortedMap<String, EntityRecord>
    private var ranking: RankedCounts<String>
    private var rankingByKind: [Entity.Kind: RankedCounts<String>]

    /// Merges the entities of `documents`, which must have distinct ids, reading the documents
    /// on every core.
    ///
    /// - Complexity: O(*m* log *m*) in the total number of entity mentions (grouping them
    ///   by entity and sorting), with no per-mention tree update.
    public init<Documents: Sequence<Document>>(documents: Documents) {
        let sorted = documents.sorted { $0.id < $1.id }
        let grouped = Dictionary(grouping: ConcurrentMap.map(sorted, Mention.all(in:)).joined(), by: \.entityID)
        let records = grouped.sorted { $0.key < $1.key }.map { ($0.key, EntityRecord(mentions: $0.value)) }
        self.records = PersistentSortedMap(sortedUniqueEntries: records)
        self.ranking = RankedCounts(Dictionary(uniqueKeysWithValues: records.lazy.map { ($0.0, $0.1.mentionCount) }))
        self.rankingByKind = Dictionary(grouping: records, by: \.1.first.kind).mapValues { records in
            RankedCounts(Dictionary(uniqueKeysWithValues: records.lazy.map { ($0.0, $0.1.mentionCount) }))
        }
    }

    /// The number of entities.
    public var count: Int { self.records.count }

    /// The entry with this id, or `nil`.
    ///
    /// - Complexity: O(log *n*).
    public func entry(id: String) -> Entry? {
        self.records[id].map { Entry(id: id, record: $0) }
    }

    /// The entities, most mentioned first, then by id; only those of `kind` when given.
    ///
    /// - Complexity: O(log *n*) per position read.
    public func ranked(kind: Entity.Kind? = nil) -> Ranked {
        let ranking = kind.map { self.rankingByKind[$0] ?? RankedCounts() } ?? self.ranking
        return Ranked(ids: ranking.ranked, records: self.records)
    }

    /// Counts in the entities of `document`.
    ///
    /// - Complexity: O(Σ (*f* + *q* + *k*) log *n*) over its *k* entities with *f* forms and
    ///   *q* quotations each: the size of the document's entities, not of the corpus.
    public mutating func add(_ document: Document) {
        for mention in Mention.all(in: document) {
            self.update(mention.entityID) { $0.add(mention) }
        }
    }

    /// Takes the entities of `document`, added earlier, out again.
    ///
    /// - Complexity: as `add(_:)`.
    public mutating func remove(_ document: Document) {
        for mention in Mention.all(in: document) {
            self.update(mention.entityID) { $0.remove(mention) }
        }
    }

    /// Changes one record where the directory holds it (so its maps change in place where this
    /// version holds them alone) and moves it in the rankings: each ranking is written once,
    /// and only where the record's count or type changed.
    private mutating func update(_ id: String, _ change: (inout EntityRecord) -> Void) {
        let (oldKind, newKind, count) = self.records.modifyValue(forKey: id, default: EntityRecord()) { record in
            let oldKind = record.isEmpty ? nil : record.first.kind
            change(&record)
            return record.isEmpty ? (oldKind, nil, 0) : (oldKind, record.first.kind, record.mentionCount)
        }
        if let oldKind, oldKind != newKind { self.rankingByKind[oldKind]?.set(0, for: id) }
        if let newKind { self.rankingByKind[newKind, default: RankedCounts()].set(count, for: id) }
        self.ranking.set(count, for: id)
        if newKind == nil { self.records.removeValue(forKey: id) }
    }
}
