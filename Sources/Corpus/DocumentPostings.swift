import PersistentCollections

/// For each key (a term, an entity id), the ids of the documents filed under it, in id order.
///
/// Persistent maps of persistent sets: filing or withdrawing one document copies only the
/// paths it touches, so every version of an index keeps its own postings.
struct DocumentPostings: Sendable {
    /// The documents of one key, in id order.
    typealias Documents = PersistentSortedMap<String, Void>.Keys

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

    /// The documents filed under `key`, in id order.
    func documents(of key: String) -> Documents { (self.lists[key] ?? PersistentSortedMap()).keys }

    /// Whether `documentID` is filed under `key`.
    ///
    /// - Complexity: O(log *k* + log *n*).
    func contains(_ documentID: String, under key: String) -> Bool {
        self.lists[key]?[documentID] != nil
    }

    /// Files `documentID` under `key`.
    mutating func insert(_ documentID: String, under key: String) {
        var documents = self.lists[key] ?? PersistentSortedMap()
        documents[documentID] = ()
        self.lists[key] = documents
    }

    /// Withdraws `documentID` from `key`, dropping the key when it has no documents left.
    mutating func remove(_ documentID: String, under key: String) {
        guard var documents = self.lists[key] else { return }
        documents[documentID] = nil
        self.lists[key] = documents.isEmpty ? nil : documents
    }
}
