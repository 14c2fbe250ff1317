extension PersistentSortedMap {
    /// One immutable node of the tree: a leaf of entries, or an inner node of children.
    ///
    /// - Note: Immutable, hence `Sendable`; versions of a map share nodes.
    @usableFromInline
    final class Node: Sendable {
        /// A leaf's keys, in order; an inner node's children's first keys, in order.
        @usableFromInline
        let keys: [Key]
        /// A leaf's values, one per key; empty in an inner node.
        @usableFromInline
        let values: [Value]
        /// An inner node's children; empty in a leaf.
        @usableFromInline
        let children: [Node]
        /// The entries in this subtree.
        @usableFromInline
        let count: Int

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

        /// This subtree with `value` set for `key`: one node, or two when it split; and the
        /// value replaced, if any.
        @inlinable
        func inserting(_ value: Value, for key: Key) -> (nodes: [Node], replaced: Value?) {
            if self.isLeaf {
                var keys = self.keys
                var values = self.values
                let index = self.lowerBound(key)
                if index < keys.count && keys[index] == key {
                    let replaced = values[index]
                    values[index] = value
                    return ([Node(keys: keys, values: values)], replaced)
                }
                keys.insert(key, at: index)
                values.insert(value, at: index)
                guard keys.count > PersistentSortedMap.leafCapacity else { return ([Node(keys: keys, values: values)], nil) }
                let half = keys.count / 2
                return ([Node(keys: Array(keys[..<half]), values: Array(values[..<half])), Node(keys: Array(keys[half...]), values: Array(values[half...]))], nil)
            }
            // A key before every child's first goes to the first child, which it then starts.
            let index = self.child(for: key) ?? 0
            let (replacements, replaced) = self.children[index].inserting(value, for: key)
            var children = self.children
            children.replaceSubrange(index...index, with: replacements)
            guard children.count > PersistentSortedMap.branchCapacity else { return ([Node(children: children)], replaced) }
            let half = children.count / 2
            return ([Node(children: Array(children[..<half])), Node(children: Array(children[half...]))], replaced)
        }

        /// This subtree without `key` (`nil` when that empties it) and the value removed, or
        /// `nil` when the key is absent.
        @inlinable
        func removing(_ key: Key) -> (node: Node?, removed: Value)? {
            if self.isLeaf {
                let index = self.lowerBound(key)
                guard index < self.keys.count, self.keys[index] == key else { return nil }
                var keys = self.keys
                var values = self.values
                keys.remove(at: index)
                let removed = values.remove(at: index)
                return (keys.isEmpty ? nil : Node(keys: keys, values: values), removed)
            }
            guard let index = self.child(for: key), let (child, removed) = self.children[index].removing(key) else { return nil }
            var children = self.children
            if let child { children[index] = child } else { children.remove(at: index) }
            return (children.isEmpty ? nil : Node(children: children), removed)
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
