import DocumentModel
import Extraction
import PersistentCollections

/// The collection as the writer holds it: the seeds, then every journal entry applied in order.
///
/// Live writes and start-up replay go through the same `apply`, so what a restart rebuilds is
/// what was served. It also keeps what compaction needs: the entry that created each live
/// posted document and the deletions of seeds.
///
/// A write group works on a copy and the store keeps the result, so the maps are persistent:
/// the copy shares them, and a write changes O(log *n*) of each, not all of it.
struct StoreState: Sendable {
    /// Live documents by id.
    private(set) var documents: PersistentSortedMap<String, Document>
    /// The latest change number.
    private(set) var lastChange: Int
    /// Recent idempotency keys.
    private(set) var idempotency: IdempotencyLedger
    private let seedIDs: Set<String>
    /// The entry that created each live posted document.
    private var creations = PersistentSortedMap<String, JournalEntry>()
    /// The latest deletion of each seed id, while it matters (the seed is gone or replaced).
    private var seedDeletions = PersistentSortedMap<String, JournalEntry>()
    /// Each slug's live documents' ids, in id order, for deleting by slug in O(log *n*).
    private var idsBySlug: PersistentSortedMap<String, [String]>

    init(seeds: [Document], lastChange: Int, idempotencyCapacity: Int) {
        // By id, and of two seeds with one id the first given.
        let sorted = seeds.enumerated().sorted { ($0.element.id, $0.offset) < ($1.element.id, $1.offset) }.map(\.element)
        let unique = zip(sorted.indices, sorted).filter { index, seed in index == 0 || sorted[index - 1].id != seed.id }.map(\.1)
        self.documents = PersistentSortedMap(sortedUniqueEntries: unique.lazy.map { ($0.id, $0) })
        self.seedIDs = Set(unique.map(\.id))
        let slugged = unique.map { ($0.slug, $0.id) }.sorted { $0 < $1 }
        self.idsBySlug = PersistentSortedMap(
            sortedUniqueEntries: Dictionary(grouping: slugged, by: \.0).sorted { $0.key < $1.key }.lazy.map { ($0.key, $0.value.map(\.1)) })
        self.lastChange = lastChange
        self.idempotency = IdempotencyLedger(capacity: idempotencyCapacity)
    }

    /// Applies one entry.
    ///
    /// - Parameter entry: the journal entry; its change number must exceed `lastChange`, and a
    ///   creation must hold its ingested document.
    /// - Returns: the change to report; `nil` for a deletion or re-extraction of a document
    ///   that is not there (possible only in replay, when the seeds have changed since).
    @discardableResult
    mutating func apply(_ entry: JournalEntry) -> Change? {
        precondition(entry.change > self.lastChange, "journal entries apply in change order")
        self.lastChange = entry.change
        switch entry {
        case .created(let number, let at, let id, _, let stamp, let ingested):
            guard let document = ingested?.document else { preconditionFailure("a creation needs its document") }
            self.store(document)
            self.creations[id] = entry
            let change = Change(number: number, kind: .created, documentID: id, title: document.title, at: at)
            if let stamp {
                self.idempotency.insert(.init(fingerprint: stamp.fingerprint, document: document, change: change), for: stamp.key)
            }
            return change
        case .reextracted(let number, let at, let id, let ingested):
            guard let creation = self.creations[id] else { return nil }
            self.creations[id] = creation.replacingIngested(with: ingested)
            self.store(ingested.document)
            return Change(number: number, kind: .updated, documentID: id, title: ingested.document.title, at: at)
        case .deleted(let number, let at, let id):
            self.creations[id] = nil
            if self.seedIDs.contains(id) { self.seedDeletions[id] = entry }
            guard let removed = self.documents.removeValue(forKey: id) else { return nil }
            self.unindexSlug(of: removed)
            return Change(number: number, kind: .deleted, documentID: id, title: removed.title, at: at)
        }
    }

    /// The id of the document `key` names, as `Snapshot.document(idOrSlug:)` resolves it: the
    /// id, else the smallest id with that slug.
    ///
    /// - Complexity: O(log *n*).
    func documentID(idOrSlug key: String) -> String? {
        self.documents[key] != nil ? key : self.idsBySlug[key]?.first
    }

    /// Puts `document` in, in place of any document with its id.
    private mutating func store(_ document: Document) {
        if let old = self.documents.updateValue(document, forKey: document.id) { self.unindexSlug(of: old) }
        var ids = self.idsBySlug[document.slug] ?? []
        ids.insert(document.id, at: ids.partitionPoint { $0 >= document.id })
        self.idsBySlug[document.slug] = ids
    }

    private mutating func unindexSlug(of document: Document) {
        guard var ids = self.idsBySlug[document.slug], let index = ids.firstIndex(of: document.id) else { return }
        ids.remove(at: index)
        self.idsBySlug[document.slug] = ids.isEmpty ? nil : ids
    }

    /// Moves the change counter up to `number`: changes that no longer apply (in replay) still
    /// used their numbers, which are never given again.
    mutating func advance(to number: Int) {
        self.lastChange = max(self.lastChange, number)
    }

    /// The fewest entries that rebuild this state from the seeds, in change order.
    var compactionEntries: [JournalEntry] {
        (Array(self.seedDeletions.values) + Array(self.creations.values)).sorted { $0.change < $1.change }
    }

    /// The posted documents whose stored form another extractor version made (or which were
    /// stored before documents were kept), with the change that created each, in change order.
    func documents(outdatedFor extractorVersion: Int) -> [(id: String, origin: Int)] {
        self.creations.entries.compactMap { id, entry -> (id: String, origin: Int)? in
            guard case .created(let change, _, _, _, _, let ingested) = entry, ingested?.extractorVersion != extractorVersion else { return nil }
            return (id, change)
        }.sorted { $0.origin < $1.origin }
    }

    /// The submission of live posted document `id`, and the change that created it.
    func creation(of id: String) -> (submission: DocumentSubmission, origin: Int)? {
        guard case .created(let change, _, _, let submission, _, _)? = self.creations[id] else { return nil }
        return (submission, change)
    }

    /// The change that made live document `id`: its creation's number, 0 for a seed no write
    /// has touched, `nil` when there is no such document. Two states that give the same origin
    /// for an id hold the same document under it.
    func origin(of id: String) -> Int? {
        if let creation = self.creations[id] { return creation.change }
        return self.documents[id] != nil ? 0 : nil
    }

    /// Whether `id` names a seed that no write has touched.
    func isUntouchedSeed(_ id: String) -> Bool {
        self.seedIDs.contains(id) && self.seedDeletions[id] == nil
    }
}
