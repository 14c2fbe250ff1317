import DocumentModel
import PersistentCollections

/// The keys an index derives from each document, as one sorted set across the corpus, kept up to
/// date per write: a document's keys go in when it is added and out when it is removed.
///
/// Each key names its document (it holds the id), so no two documents share one; the set is a
/// persistent map with empty values, so a version of it shares all but a write's paths with the
/// one before and holds ids and numbers, never a copy of a document.
struct DocumentKeys<Key: Comparable & Sendable>: Sendable {
    /// The keys, in order.
    private(set) var map: PersistentSortedMap<Key, Void>
    private let keys: @Sendable (Document) -> [Key]

    /// The keys `keys` derives from each of `documents`; one document's keys must be distinct.
    ///
    /// - Complexity: O(*k* log *k*) for *k* keys.
    init(_ documents: some Sequence<Document>, keys: @escaping @Sendable (Document) -> [Key]) {
        self.keys = keys
        self.map = PersistentSortedMap(sortedUniqueEntries: documents.flatMap(keys).sorted().lazy.map { ($0, ()) })
    }

    /// Drops `document`'s keys.
    ///
    /// - Complexity: O(*k* log *n*) for a document with *k* keys.
    mutating func remove(_ document: Document) {
        for key in self.keys(document) { self.map[key] = nil }
    }

    /// Adds `document`'s keys.
    ///
    /// - Complexity: O(*k* log *n*) for a document with *k* keys.
    mutating func add(_ document: Document) {
        for key in self.keys(document) { self.map[key] = () }
    }

    /// The positions of the keys from `lower` (included) to `upper` (excluded), either of which
    /// need not be in the set.
    ///
    /// - Complexity: O(log *n*).
    func positions(from lower: Key, upTo upper: Key) -> Range<Int> {
        let start = self.map.position(of: lower)
        return start..<max(start, self.map.position(of: upper))
    }

    /// The key at `position`.
    ///
    /// - Complexity: O(log *n*).
    subscript(position: Int) -> Key { self.map.keys[position] }
}

extension String {
    /// The least string greater than this one: every string greater than `self` is at least
    /// `self` followed by U+0000, so a key made with it bounds the keys that equal `self` in that
    /// field from above.
    var successor: String { self + "\u{0}" }
}
