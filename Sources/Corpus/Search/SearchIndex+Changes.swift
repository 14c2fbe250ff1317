import DocumentModel

extension SearchIndex {
    /// This index plus `documents`, which are indexed into a new segment; small segments are
    /// merged (rebuilt together, without their removed items) now and then, so each document
    /// is re-indexed O(log n) times over the index's life.
    ///
    /// A document already in the index is not replaced: remove it first
    /// (`removing(documentIDs:)`), then add its new version.
    public func adding(_ documents: [Document]) -> SearchIndex {
        self.adding(items: documents.map(SearchItem.init(document:)))
    }

    /// This quotation index (`quotations(of:)`) plus the quotations of `documents`, indexed
    /// into a new segment as `adding(_:)` does.
    public func addingQuotations(of documents: [Document]) -> SearchIndex {
        self.adding(items: Self.quotationItems(of: documents))
    }

    /// This index without the items of the documents `documentIDs`: the documents themselves
    /// in a document index, their quotations in a quotation index. Ids the index does not
    /// have are ignored; when it has none of them, the result is this index.
    ///
    /// Nothing is re-indexed: the removed items are marked in their segments (and their
    /// words read again, to take them out of the BM25 statistics), so they never match, and
    /// dropped for good when `adding` next merges their segment.
    ///
    /// - Complexity: O(*k* log *n*) to find the items of *k* ids among a segment's *n*, plus
    ///   the removed items' own text, plus a copy of what was removed before (a bit per item
    ///   of each segment that has removals, and their statistics) until a merge.
    public func removing(documentIDs: Set<String>) -> SearchIndex {
        var deletions = self.deletions
        var removed = 0
        for (number, segment) in self.segments.enumerated() {
            for id in documentIDs {
                for item in segment.items(ofDocument: id) where !deletions[number].contains(item) {
                    deletions[number].remove(item, of: segment)
                    removed += 1
                }
            }
        }
        guard removed > 0 else { return self }
        // A segment with nothing live left goes at once.
        let kept = self.segments.indices.filter { deletions[$0].count < self.segments[$0].items.count }
        return SearchIndex(segments: kept.map { self.segments[$0] }, deletions: kept.map { deletions[$0] })
    }

    /// This index plus `items` in a new segment. Small segments are merged (rebuilt together
    /// from their live items, which drops the removed ones) while the newest has at least half
    /// as many live items as the one before, so each item is re-indexed O(log n) times over
    /// the index's life.
    private func adding(items: [SearchItem]) -> SearchIndex {
        guard !items.isEmpty else { return self }
        var parts: [Part] = zip(self.segments, self.deletions).map { ($0, $1) } + [(SearchSegment(items: items), SegmentDeletions())]
        while parts.count >= 2, Self.liveCount(parts[parts.count - 1]) * 2 >= Self.liveCount(parts[parts.count - 2]) {
            let newer = parts.removeLast()
            let older = parts.removeLast()
            parts.append((SearchSegment(items: Self.liveItems(older) + Self.liveItems(newer)), SegmentDeletions()))
        }
        return SearchIndex(segments: parts.map(\.segment), deletions: parts.map(\.deletions))
    }

    /// A segment with its removed items.
    private typealias Part = (segment: SearchSegment, deletions: SegmentDeletions)

    private static func liveCount(_ part: Part) -> Int {
        part.segment.items.count - part.deletions.count
    }

    /// A segment's items that were not removed, in order.
    private static func liveItems(_ part: Part) -> [SearchItem] {
        part.segment.items.indices.filter { !part.deletions.contains(UInt32($0)) }.map { part.segment.items[$0] }
    }
}
