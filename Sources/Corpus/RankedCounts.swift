import PersistentCollections

/// A count per key, with the keys ranked by count, highest first, then by key: what a "most
/// mentioned" list pages through by position.
///
/// Both the counts and the ranking are persistent maps, so a copy costs nothing and a change
/// copies only the paths it touches: every version of an index keeps its own ranking.
///
/// ```swift
/// var counts = RankedCounts<String>()
/// counts.add(2, to: "b")
/// counts.add(2, to: "a")
/// counts.add(1, to: "c")
/// counts.ranked.map(\.key)   // ["a", "b", "c"]
/// ```
struct RankedCounts<Key: Comparable & Hashable & Sendable>: Sendable {
    /// A key's place in the ranking: a higher count first, then the smaller key.
    struct Rank: Comparable, Sendable {
        let count: Int
        let key: Key

        static func < (left: Rank, right: Rank) -> Bool {
            (right.count, left.key) < (left.count, right.key)
        }
    }

    private var counts = PersistentSortedMap<Key, Int>()
    private var ranks = PersistentSortedMap<Rank, Void>()

    /// No counts.
    init() {}

    /// The positive counts of `counts`, built bottom-up.
    ///
    /// - Complexity: O(*n* log *n*) to sort them.
    init(_ counts: [Key: Int]) {
        let positive = counts.filter { $0.value > 0 }
        self.counts = PersistentSortedMap(sortedUniqueEntries: positive.sorted { $0.key < $1.key }.lazy.map { ($0.key, $0.value) })
        self.ranks = PersistentSortedMap(sortedUniqueEntries: positive.map { Rank(count: $0.value, key: $0.key) }.sorted().lazy.map { ($0, ()) })
    }

    /// The number of keys with a positive count.
    var count: Int { self.counts.count }

    /// The count of `key`, 0 when it has none.
    ///
    /// - Complexity: O(log *n*).
    subscript(key: Key) -> Int { self.counts[key] ?? 0 }

    /// Sets the count of `key`; 0 or less drops it. The ranking is touched only when the
    /// count changes.
    ///
    /// - Complexity: O(log *n*): one descent of the counts and, on a change, one path copy to
    ///   take the old rank out and one to put the new one in.
    mutating func set(_ count: Int, for key: Key) {
        let old = count > 0 ? self.counts.updateValue(count, forKey: key) : self.counts.removeValue(forKey: key)
        guard old != count else { return }
        if let old { self.ranks.removeValue(forKey: Rank(count: old, key: key)) }
        if count > 0 { self.ranks[Rank(count: count, key: key)] = () }
    }

    /// Adds `delta` (which may be negative) to the count of `key`.
    ///
    /// - Complexity: O(log *n*).
    mutating func add(_ delta: Int, to key: Key) {
        self.set(self[key] + delta, for: key)
    }

    /// The keys with their counts, highest count first, then by key; by position in O(log *n*).
    var ranked: PersistentSortedMap<Rank, Void>.Keys { self.ranks.keys }
}
