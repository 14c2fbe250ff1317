extension PersistentSortedMap {
    /// One node of the tree: a leaf of entries, or an inner node of children.
    ///
    /// - Note: `@unchecked Sendable` because its fields are mutable, but a node is mutated only
    ///   by the one map value that holds the only reference to it, and to every node above it
    ///   (`isKnownUniquelyReferenced` on the path from the root): a node that another version,
    ///   iterator or thread can reach has a second reference, so it is copied first, never
    ///   changed. Versions shared across queues are therefore immutable, as `Array`'s buffers are.
    @usableFromInline
    final class Node: @unchecked Sendable {
        /// A leaf's keys, in order; an inner node's children's first keys, in order.
        @usableFromInline
        var keys: [Key]
        /// A leaf's values, one per key; empty in an inner node.
        @usableFromInline
        var values: [Value]
        /// An inner node's children; empty in a leaf.
        @usableFromInline
        var children: [Node]
        /// The entries in this subtree.
        @usableFromInline
        var count: Int

        /// A leaf.
        @inlinable
        init(keys: [Key], values: [Value]) {
            self.keys = keys
            self.values = values
            self.children = []
            self.count = keys.count
        }

        /// An inner node.
        @inlinable
        init(children: [Node]) {
            self.keys = children.map { $0.keys[0] }
            self.values = []
            self.children = children
            self.count = children.reduce(0) { $0 + $1.count }
        }

        /// A node with these fields (a copy shares them until one side changes its arrays).
        @inlinable
        init(keys: [Key], values: [Value], children: [Node], count: Int) {
            self.keys = keys
            self.values = values
            self.children = children
            self.count = count
        }

        /// A copy of this node that shares its children: what a version changes instead of a
        /// node another version holds.
        @inlinable
        func copy() -> Node {
            Node(keys: self.keys, values: self.values, children: self.children, count: self.count)
        }

        @inlinable
        var isLeaf: Bool { self.children.isEmpty }

        /// The greatest key in the subtree.
        @inlinable
        var lastKey: Key { self.isLeaf ? self.keys[self.keys.count - 1] : self.children[self.children.count - 1].lastKey }

        @inlinable
        func value(for key: Key) -> Value? {
            if self.isLeaf {
                let index = self.lowerBound(key)
                return index < self.keys.count && self.keys[index] == key ? self.values[index] : nil
            }
            guard let child = self.child(for: key) else { return nil }
            return self.children[child].value(for: key)
        }

        /// The child at `index`, first replaced by a copy when another node or version holds it
        /// too, so that it can be changed in place.
        ///
        /// - Precondition: this node is held by the caller alone.
        @inlinable
        func uniqueChild(at index: Int) -> Node {
            if !isKnownUniquelyReferenced(&self.children[index]) { self.children[index] = self.children[index].copy() }
            return self.children[index]
        }

        /// Changes the value for `key` in this subtree in place, first inserting `makeValue()` when
        /// the key is absent: one descent, whether the key is there or not. Returns the node split
        /// off this one's upper half when it outgrew its capacity, whether the key was inserted,
        /// and what `body` returns.
        ///
        /// - Precondition: this node is held by the caller alone (nodes below it are copied as
        ///   needed).
        @inlinable
        func modify<Result>(
            _ key: Key, inserting makeValue: () -> Value, _ body: (inout Value) -> Result
        ) -> (split: Node?, isInserted: Bool, result: Result) {
            if self.isLeaf {
                let index = self.lowerBound(key)
                if index < self.keys.count && self.keys[index] == key { return (nil, false, body(&self.values[index])) }
                self.keys.insert(key, at: index)
                self.values.insert(makeValue(), at: index)
                self.count += 1
                let result = body(&self.values[index])
                guard self.keys.count > PersistentSortedMap.leafCapacity else { return (nil, true, result) }
                let half = self.keys.count / 2
                let upper = Node(keys: Array(self.keys[half...]), values: Array(self.values[half...]))
                self.keys.removeSubrange(half...)
                self.values.removeSubrange(half...)
                self.count = self.keys.count
                return (upper, true, result)
            }
            // A key before every child's first goes to the first child, which it then starts.
            let index = self.child(for: key) ?? 0
            let (split, isInserted, result) = self.uniqueChild(at: index).modify(key, inserting: makeValue, body)
            if isInserted {
                self.count += 1
                if key < self.keys[index] { self.keys[index] = key }
            }
            if let split {
                self.children.insert(split, at: index + 1)
                self.keys.insert(split.keys[0], at: index + 1)
            }
            guard self.children.count > PersistentSortedMap.branchCapacity else { return (nil, isInserted, result) }
            let half = self.children.count / 2
            let upper = Node(children: Array(self.children[half...]))
            self.children.removeSubrange(half...)
            self.keys.removeSubrange(half...)
            self.count -= upper.count
            return (upper, isInserted, result)
        }

        /// Removes `key` from this subtree, in place, returning its value, or `nil` when the key is
        /// absent. A node left empty stays for the caller to drop.
        ///
        /// - Precondition: this node is held by the caller alone (nodes below it are copied as
        ///   needed, so the caller checks first that the key is there).
        @inlinable
        func remove(_ key: Key) -> Value? {
            if self.isLeaf {
                let index = self.lowerBound(key)
                guard index < self.keys.count, self.keys[index] == key else { return nil }
                self.keys.remove(at: index)
                self.count -= 1
                return self.values.remove(at: index)
            }
            guard let index = self.child(for: key) else { return nil }
            let child = self.uniqueChild(at: index)
            guard let removed = child.remove(key) else { return nil }
            self.count -= 1
            if child.keys.isEmpty {
                self.children.remove(at: index)
                self.keys.remove(at: index)
            } else if key == self.keys[index] {
                self.keys[index] = child.keys[0]
            }
            return removed
        }

        /// Calls `body` with the value for `key`, in place.
        ///
        /// - Precondition: `key` is in this subtree, and this node is held by the caller alone.
        @inlinable
        func modifyValue<Result>(for key: Key, _ body: (inout Value) -> Result) -> Result {
            if self.isLeaf {
                let index = self.lowerBound(key)
                precondition(index < self.keys.count && self.keys[index] == key, "the key is not in the map")
                return body(&self.values[index])
            }
            guard let index = self.child(for: key) else { preconditionFailure("the key is not in the map") }
            return self.uniqueChild(at: index).modifyValue(for: key, body)
        }

        /// The entry at `position` in this subtree.
        @inlinable
        func entry(at position: Int) -> (key: Key, value: Value) {
            if self.isLeaf { return (self.keys[position], self.values[position]) }
            var position = position
            for child in self.children {
                if position < child.count { return child.entry(at: position) }
                position -= child.count
            }
            preconditionFailure("position beyond the subtree")
        }

        /// How many keys of this subtree precede `key`.
        @inlinable
        func position(of key: Key) -> Int {
            if self.isLeaf { return self.lowerBound(key) }
            guard let index = self.child(for: key) else { return 0 }
            return self.children[..<index].reduce(0) { $0 + $1.count } + self.children[index].position(of: key)
        }

        /// The last child whose first key is at most `key`, or `nil` when `key` precedes them all.
        @inlinable
        func child(for key: Key) -> Int? {
            var low = 0
            var high = self.keys.count
            while low < high {
                let middle = (low + high) / 2
                if self.keys[middle] <= key { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? nil : low - 1
        }

        /// The first index whose key is not less than `key`.
        @inlinable
        func lowerBound(_ key: Key) -> Int {
            var low = 0
            var high = self.keys.count
            while low < high {
                let middle = (low + high) / 2
                if self.keys[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
