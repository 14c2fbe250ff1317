import DocumentModel
import PersistentCollections

extension EntityDirectory {
    /// One entity across the corpus: a view of the directory's record, read on demand.
    public struct Entry: Sendable {
        /// The id.
        public let id: String
        let record: EntityRecord

        /// The name from its first document (by id order).
        public var name: String { self.record.first.name }

        /// Its type in its first document.
        public var kind: Entity.Kind { self.record.first.kind }

        /// Every other form, across documents, in the order they first appear going through
        /// the documents by id.
        ///
        /// - Complexity: O(*f* log *n*) for *f* forms.
        public var aliases: [String] { self.record.aliases }

        /// Its mentions across the corpus.
        public var mentionCount: Int { self.record.mentionCount }

        /// The number of documents that mention it.
        public var documentCount: Int { self.record.documents.count }

        /// The documents that mention it, in id order, with its mentions in each; by position
        /// in O(log *n*).
        public var documents: some RandomAccessCollection<(id: String, mentions: Int)> {
            self.record.documents.entries.lazy.map { (id: $0.key, mentions: $0.value.mentions) }
        }

        /// The quotations it spoke, in document order (document id, then position in the
        /// document's quotes); by position in O(log *n*).
        public var quotes: some RandomAccessCollection<DocumentPartKey> { self.record.quotes.keys }

        /// The entities it shares documents with, most shared documents first, then by id;
        /// by position in O(log *n*).
        public var coOccurring: some RandomAccessCollection<(id: String, sharedDocuments: Int)> {
            self.record.coOccurring.ranked.lazy.map { (id: $0.key, sharedDocuments: $0.count) }
        }
    }

    /// Entities in ranking order, read by position: a page costs O(page × log *n*).
    public struct Ranked: RandomAccessCollection, Sendable {
        let ids: PersistentSortedMap<RankedCounts<String>.Rank, Void>.Keys
        let records: PersistentSortedMap<String, EntityRecord>

        /// 0.
        public var startIndex: Int { 0 }
        /// The number of entities.
        public var endIndex: Int { self.ids.count }

        /// The entry at `position`, in O(log *n*).
        public subscript(position: Int) -> Entry {
            let id = self.ids[position].key
            guard let record = self.records[id] else { preconditionFailure("the ranking names \(id), which has no record") }
            return Entry(id: id, record: record)
        }
    }
}
