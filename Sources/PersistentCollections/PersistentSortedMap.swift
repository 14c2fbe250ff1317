/// A sorted map whose versions share structure: an update copies the one path it changes
/// (O(log *n*)), not the map, and every earlier version stays valid and unchanged.
///
/// This is what lets a store publish a new snapshot of a large collection per write: the new
/// version and the one readers still hold share all but a few nodes. It is a B+-tree whose
/// nodes change in place only while one version holds them (see `updateValue(_:forKey:)`);
/// leaves hold up to `leafCapacity` entries in key order and inner nodes up to
/// `branchCapacity` children, each inner node knowing its subtree's size, so positions (for
/// paging in key order) are O(log *n*) too.
///
/// ```swift
/// var v1 = PersistentSortedMap<String, Int>()
/// v1["b"] = 2
/// var v2 = v1
/// v2["a"] = 1          // v1 is still ["b": 2]
/// v2.values.first      // 1
/// ```
///
/// Removal leaves nodes underfull rather than merging them (an empty node is dropped): a
/// collection that mostly grows keeps its shape, and lookups stay O(log of the largest size).
///
/// Its operations are `@inlinable`, so each client module gets a copy specialised to its key
/// and value types: unspecialised, every key comparison and every copied entry of a path
/// went through generic metadata and value witnesses, and a write to the API's indexes spent
/// most of its time there.
public struct PersistentSortedMap<Key: Comparable & Sendable, Value: Sendable>: Sendable {
    /// Most entries a leaf holds before it splits. A write copies each node it shares with
    /// the version readers hold, whole, and that version frees it later, so a write costs the
    /// size of its nodes: 32 rather than 64, for one level more of depth at 100,000 entries.
    @inlinable
    static var leafCapacity: Int { 32 }
    /// Most children an inner node holds before it splits.
    @inlinable
    static var branchCapacity: Int { 32 }

    @usableFromInline
    var root: Node?

    /// An empty map.
    @inlinable
    public init() {}

    /// A map of entries already in strictly increasing key order, built bottom-up in O(*n*).
    ///
    /// - Precondition: the keys are strictly increasing.
    @inlinable
    public init<Entries: Sequence>(sortedUniqueEntries entries: Entries) where Entries.Element == (Key, Value) {
        var leaves: [Node] = []
        var keys: [Key] = []
        var values: [Value] = []
        let fill = Self.leafCapacity * 3 / 4  // room for inserts before the first split
        for (key, value) in entries {
            precondition(keys.last.map { $0 < key } ?? leaves.last.map { $0.lastKey < key } ?? true, "keys must be strictly increasing")
            keys.append(key)
            values.append(value)
            if keys.count == fill {
                leaves.append(Node(keys: keys, values: values))
                keys.removeAll(keepingCapacity: true)
                values.removeAll(keepingCapacity: true)
            }
        }
        if !keys.isEmpty { leaves.append(Node(keys: keys, values: values)) }
        var level = leaves
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: fill).map { start in
                Node(children: Array(level[start..<min(start + fill, level.count)]))
            }
        }
        self.root = level.first
    }

    /// The number of entries.
    @inlinable
    public var count: Int { self.root?.count ?? 0 }

    /// Whether there are no entries.
    @inlinable
    public var isEmpty: Bool { self.root == nil }

    /// The value for `key`; setting `nil` removes the entry.
    ///
    /// - Complexity: O(log *n*) to read; O(log *n*) allocations to write.
    @inlinable
    public subscript(key: Key) -> Value? {
        get { self.root?.value(for: key) }
        set {
            if let newValue { self.updateValue(newValue, forKey: key) } else { self.removeValue(forKey: key) }
        }
    }

    /// Sets the value for `key`, returning the one it replaces.
    ///
    /// Nodes this version shares with another are copied (the path to the key, the first time
    /// it is written); nodes it holds alone, as those it copied before, change in place, so a
    /// run of updates to nearby keys copies each node once.
    ///
    /// - Complexity: O(log *n*).
    @discardableResult
    @inlinable
    public mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        let (isInserted, old) = self.modify(key, inserting: { value }) { stored in
            let old = stored
            stored = value
            return old
        }
        return isInserted ? nil : old
    }

    /// Removes the entry for `key`, returning its value; as `updateValue(_:forKey:)`, it copies
    /// only the nodes it shares with another version, and only when the key is there.
    ///
    /// - Complexity: O(log *n*).
    @discardableResult
    @inlinable
    public mutating func removeValue(forKey key: Key) -> Value? {
        guard self.root?.value(for: key) != nil, let removed = self.uniqueRoot().remove(key) else { return nil }
        // An inner root with one child gives way to it, so depth follows the size down.
        var top = self.root
        while let only = top, only.children.count == 1 { top = only.children[0] }
        self.root = top?.keys.isEmpty == false ? top : nil
        return removed
    }

    /// Changes the value for `key` in place, setting it to `defaultValue` first when the key is
    /// absent, and returns what `body` returns.
    ///
    /// Unlike reading the value, changing it and setting it back, this leaves the value held
    /// by this version alone while `body` runs, so a value that is itself a persistent map (or
    /// an array) changes in place too, copying only what it shares with other versions.
    ///
    /// - Complexity: O(log *n*), plus `body`.
    @inlinable
    public mutating func modifyValue<Result>(
        forKey key: Key, default defaultValue: @autoclosure () -> Value, _ body: (inout Value) -> Result
    ) -> Result {
        self.modify(key, inserting: defaultValue, body).result
    }

    /// Changes the value for `key` in place, as `modifyValue(forKey:default:_:)` does, when the
    /// key is there, and removes the entry when `body` returns `false`: for a value that can
    /// be left empty, such as a list of ids.
    ///
    /// - Complexity: O(log *n*), plus `body`.
    @inlinable
    public mutating func modifyValue(forKey key: Key, keepingIf body: (inout Value) -> Bool) {
        guard self.root?.value(for: key) != nil else { return }
        if !self.uniqueRoot().modifyValue(for: key, body) { self.removeValue(forKey: key) }
    }

    /// Changes the value for `key` in place, inserting `makeValue()` first when the key is
    /// absent, in one descent; says whether it was inserted.
    @inlinable
    mutating func modify<Result>(
        _ key: Key, inserting makeValue: () -> Value, _ body: (inout Value) -> Result
    ) -> (isInserted: Bool, result: Result) {
        if self.root == nil { self.root = Node(keys: [], values: []) }
        let root = self.uniqueRoot()
        let (split, isInserted, result) = root.modify(key, inserting: makeValue, body)
        if let split { self.root = Node(children: [root, split]) }
        return (isInserted, result)
    }

    /// The root, first replaced by a copy when another version holds it too.
    ///
    /// - Precondition: the map is not empty.
    @inlinable
    mutating func uniqueRoot() -> Node {
        if !isKnownUniquelyReferenced(&self.root) { self.root = self.root!.copy() }
        return self.root!
    }

    /// The position of `key` in key order, or of where it would go.
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public func position(of key: Key) -> Int {
        self.root?.position(of: key) ?? 0
    }

    /// The entries in key order, by position.
    @inlinable
    public var entries: Entries { Entries(root: self.root) }

    /// The values in key order, by position.
    @inlinable
    public var values: Values { Values(entries: self.entries) { $0.value } }

    /// The keys in key order, by position.
    @inlinable
    public var keys: Keys { Keys(entries: self.entries) { $0.key } }
}

extension PersistentSortedMap {
    /// The map's entries in key order: a random-access collection whose positions are 0..<count.
    public struct Entries: RandomAccessCollection, Sendable {
        @usableFromInline
        let root: Node?

        @inlinable
        init(root: Node?) {
            self.root = root
        }

        /// 0.
        @inlinable
        public var startIndex: Int { 0 }
        /// The number of entries.
        @inlinable
        public var endIndex: Int { self.root?.count ?? 0 }

        /// The entry at `position`, in O(log *n*).
        @inlinable
        public subscript(position: Int) -> (key: Key, value: Value) {
            precondition(position >= 0 && position < self.endIndex, "position \(position) out of range")
            return self.root!.entry(at: position)
        }

        /// Walks the leaves in order: O(1) amortised per entry.
        @inlinable
        public func makeIterator() -> Iterator { Iterator(root: self.root) }

        /// Walks the leaves in order.
        public struct Iterator: IteratorProtocol {
            @usableFromInline
            var path: [(node: Node, next: Int)]

            @inlinable
            init(root: Node?) {
                self.path = root.map { [($0, 0)] } ?? []
            }

            /// The next entry in key order.
            @inlinable
            public mutating func next() -> (key: Key, value: Value)? {
                while let (node, next) = self.path.last {
                    if node.isLeaf {
                        if next < node.keys.count {
                            self.path[self.path.count - 1].next = next + 1
                            return (node.keys[next], node.values[next])
                        }
                        self.path.removeLast()
                    } else if next < node.children.count {
                        self.path[self.path.count - 1].next = next + 1
                        self.path.append((node.children[next], 0))
                    } else {
                        self.path.removeLast()
                    }
                }
                return nil
            }
        }
    }

    /// One part of each of the map's entries (its keys, its values), in key order, by position.
    public struct Projection<Element>: RandomAccessCollection, Sendable {
        @usableFromInline
        let entries: Entries
        @usableFromInline
        let part: @Sendable ((key: Key, value: Value)) -> Element

        @inlinable
        init(entries: Entries, part: @escaping @Sendable ((key: Key, value: Value)) -> Element) {
            self.entries = entries
            self.part = part
        }

        /// 0.
        @inlinable
        public var startIndex: Int { 0 }
        /// The number of entries.
        @inlinable
        public var endIndex: Int { self.entries.endIndex }
        /// The part of the entry at `position`, in O(log *n*).
        @inlinable
        public subscript(position: Int) -> Element { self.part(self.entries[position]) }
        /// Walks the entries in order: O(1) amortised per entry.
        @inlinable
        public func makeIterator() -> Iterator { Iterator(entries: self.entries.makeIterator(), part: self.part) }

        /// Walks the entries in order.
        public struct Iterator: IteratorProtocol {
            @usableFromInline
            var entries: Entries.Iterator
            @usableFromInline
            let part: @Sendable ((key: Key, value: Value)) -> Element

            @inlinable
            init(entries: Entries.Iterator, part: @escaping @Sendable ((key: Key, value: Value)) -> Element) {
                self.entries = entries
                self.part = part
            }

            /// The next entry's part.
            @inlinable
            public mutating func next() -> Element? { self.entries.next().map(self.part) }
        }
    }

    /// The map's values in key order.
    public typealias Values = Projection<Value>

    /// The map's keys in key order.
    public typealias Keys = Projection<Key>
}
