import PersistentCollections

extension SimilarityIndex {
    /// For each key (a term, an entity id), the ids of the documents filed under it, in id order.
    ///
    /// A key's ids are a persistent set (a map to nothing) inside a persistent map of keys:
    /// filing or withdrawing one document changes one leaf of ids and the paths to it, in place
    /// where this version already holds them alone, so every version of an index keeps its own
    /// postings and a write of many keys copies each shared node once.
    struct Postings: Sendable {
        private var lists = PersistentSortedMap<String, PersistentSortedMap<String, Void>>()

        /// No postings.
        init() {}

        /// Postings from each key's documents, already in id order.
        ///
        /// - Complexity: O(*n* + *k* log *k*) for *n* postings of *k* keys.
        init(_ documentsByKey: [String: [String]]) {
            self.lists = PersistentSortedMap(sortedUniqueEntries: documentsByKey.sorted { $0.key < $1.key }.lazy.map { key, documents in
                (key, PersistentSortedMap(sortedUniqueEntries: documents.lazy.map { ($0, ()) }))
            })
        }

        /// The number of documents filed under `key`.
        ///
        /// - Complexity: O(log *k*).
        func count(of key: String) -> Int { self.lists[key]?.count ?? 0 }

        /// Calls `body` with each document filed under `key`, in id order.
        ///
        /// - Complexity: O(log *k* + *d*) for its *d* documents.
        func forEachDocument(of key: String, _ body: (String) -> Void) {
            guard let list = self.lists[key] else { return }
            for document in list.keys { body(document) }
        }

        /// Files `documentID` under `key`.
        ///
        /// - Complexity: O(log *k* + log *n*).
        mutating func insert(_ documentID: String, under key: String) {
            self.lists.modifyValue(forKey: key, default: PersistentSortedMap()) { $0[documentID] = () }
        }

        /// Withdraws `documentID` from `key`, dropping the key when it has no documents left.
        ///
        /// - Complexity: O(log *k* + log *n*).
        mutating func remove(_ documentID: String, under key: String) {
            self.lists.modifyValue(forKey: key) { documents in
                documents[documentID] = nil
                return !documents.isEmpty
            }
        }
    }
}
