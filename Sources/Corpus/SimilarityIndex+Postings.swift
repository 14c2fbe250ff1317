import PersistentCollections

extension SimilarityIndex {
    /// For each key (a term, an entity id), the ids of the documents filed under it, in id order.
    ///
    /// A key's ids are kept in sorted chunks of at most `chunkCapacity`, in a persistent map
    /// keyed by each chunk's first id: filing or withdrawing one document copies one chunk and
    /// the paths to it, O(log *n*), so every version of an index keeps its own postings; and a
    /// query reads a key's documents chunk by chunk, at the cost of a plain array per id.
    struct Postings: Sendable {
        /// The most ids a chunk holds before it splits.
        static let chunkCapacity = 64

        /// One key's documents.
        private struct List: Sendable {
            var count: Int
            /// Sorted, non-empty chunks of sorted ids, keyed by their first id.
            var chunks: PersistentSortedMap<String, [String]>
        }

        private var lists = PersistentSortedMap<String, List>()

        /// No postings.
        init() {}

        /// Postings from each key's documents, already in id order.
        ///
        /// - Complexity: O(*n* + *k* log *k*) for *n* postings of *k* keys.
        init(_ documentsByKey: [String: [String]]) {
            self.lists = PersistentSortedMap(sortedUniqueEntries: documentsByKey.sorted { $0.key < $1.key }.lazy.map { key, documents in
                let chunks = stride(from: 0, to: documents.count, by: Self.chunkCapacity).lazy.map { start in
                    let chunk = Array(documents[start..<min(start + Self.chunkCapacity, documents.count)])
                    return (chunk[0], chunk)
                }
                return (key, List(count: documents.count, chunks: PersistentSortedMap(sortedUniqueEntries: chunks)))
            })
        }

        /// The number of documents filed under `key`.
        ///
        /// - Complexity: O(log *k*).
        func count(of key: String) -> Int { self.lists[key]?.count ?? 0 }

        /// Calls `body` with each document filed under `key`, in id order.
        ///
        /// - Complexity: O(*d*) for its *d* documents, plus O(log *n*) per chunk of 64.
        func forEachDocument(of key: String, _ body: (String) -> Void) {
            guard let list = self.lists[key] else { return }
            for chunk in list.chunks.values {
                for document in chunk { body(document) }
            }
        }

        /// Files `documentID` under `key`.
        ///
        /// The chunk it joins is written back under the same key unless the id becomes its
        /// first: one path copy of the chunks and one of the lists, where re-keying costs two more.
        ///
        /// - Complexity: O(log *k* + log *n*).
        mutating func insert(_ documentID: String, under key: String) {
            guard var list = self.lists[key], let found = Self.chunk(holding: documentID, in: list.chunks) else {
                self.lists[key] = List(count: 1, chunks: PersistentSortedMap(sortedUniqueEntries: CollectionOfOne((documentID, [documentID]))))
                return
            }
            var chunk = found.ids
            let index = Self.insertionIndex(of: documentID, in: chunk)
            guard index == chunk.count || chunk[index] != documentID else { return }
            chunk.insert(documentID, at: index)
            if index == 0 { list.chunks.removeValue(forKey: found.first) }
            if chunk.count > Self.chunkCapacity {
                let upper = Array(chunk[(chunk.count / 2)...])
                chunk.removeLast(upper.count)
                list.chunks[upper[0]] = upper
            }
            list.chunks[chunk[0]] = chunk
            list.count += 1
            self.lists[key] = list
        }

        /// Withdraws `documentID` from `key`, dropping the key when it has no documents left.
        /// As in `insert`, a chunk is re-keyed only when its first id goes.
        ///
        /// - Complexity: O(log *k* + log *n*).
        mutating func remove(_ documentID: String, under key: String) {
            guard var list = self.lists[key], let found = Self.chunk(holding: documentID, in: list.chunks) else { return }
            var chunk = found.ids
            let index = Self.insertionIndex(of: documentID, in: chunk)
            guard index < chunk.count && chunk[index] == documentID else { return }
            guard list.count > 1 else {
                self.lists.removeValue(forKey: key)
                return
            }
            chunk.remove(at: index)
            if index == 0 { list.chunks.removeValue(forKey: found.first) }
            if !chunk.isEmpty { list.chunks[chunk[0]] = chunk }
            list.count -= 1
            self.lists[key] = list
        }

        /// The chunk `documentID` belongs in: the last whose first id is not after it, or else the
        /// first; `nil` when there is none.
        private static func chunk(holding documentID: String, in chunks: PersistentSortedMap<String, [String]>) -> (first: String, ids: [String])? {
            guard !chunks.isEmpty else { return nil }
            let position = chunks.position(of: documentID)
            let entries = chunks.entries
            let entry = position < entries.count && entries[position].key == documentID ? entries[position] : entries[max(position - 1, 0)]
            return (entry.key, entry.value)
        }

        /// Where `documentID` is, or would go, in the sorted `chunk`.
        private static func insertionIndex(of documentID: String, in chunk: [String]) -> Int {
            var low = 0
            var high = chunk.count
            while low < high {
                let middle = (low + high) / 2
                if chunk[middle] < documentID { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
