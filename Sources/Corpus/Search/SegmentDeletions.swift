import DocumentModel

/// The items removed from a segment since it was built, and what they counted for in the
/// BM25 statistics, so that removing is cheap: the segment itself is shared, unchanged, and
/// a merge (`SearchIndex.adding`) drops the removed items for good.
///
/// The statistics are kept exact (a removed item's terms are read again from its own text),
/// so an index with removals ranks as one built without those items. Lucene instead lets
/// document frequencies count deleted documents until a merge; here that would be cheaper by
/// only the removed items' text, and with the item count already lower a term's frequency
/// could exceed it, turning its BM25 weight negative. What stays until a merge:
/// the removed items' terms in the dictionaries (they match nothing live) and the names of
/// the entities they mention (a live item that mentions the same entity still matches them).
struct SegmentDeletions: Sendable {
    /// A bit per item number, set when removed (empty while nothing is).
    private var bits: [UInt64] = []
    /// Items removed.
    private(set) var count = 0
    /// Term number → removed items containing the term.
    private var termFrequencies: [Int: Int] = [:]
    /// Entity id → removed items mentioning it (as `SegmentEntities.postings` counts them).
    private var entityFrequencies: [String: Int] = [:]
    /// The removed items' lengths added up, per field.
    private(set) var fieldTotals = [Int](repeating: 0, count: SearchSegment.Field.allCases.count)

    /// Whether item `item` was removed.
    func contains(_ item: UInt32) -> Bool {
        let word = Int(item >> 6)
        return word < self.bits.count && self.bits[word] & (1 << UInt64(item & 63)) != 0
    }

    /// Removes item `item` of `segment` (nothing if it was removed already).
    ///
    /// - Complexity: O(*n*) in the item's own text.
    mutating func remove(_ item: UInt32, of segment: SearchSegment) {
        guard !self.contains(item) else { return }
        if self.bits.isEmpty { self.bits = [UInt64](repeating: 0, count: (segment.items.count + 63) / 64) }
        self.bits[Int(item >> 6)] |= 1 << UInt64(item & 63)
        self.count += 1
        for term in segment.terms(of: item) { self.termFrequencies[term, default: 0] += 1 }
        for entity in segment.items[Int(item)].entities { self.entityFrequencies[entity.id, default: 0] += 1 }
        for field in SearchSegment.Field.allCases { self.fieldTotals[field.rawValue] += segment.length(of: item, field) }
    }

    /// Live items of `segment` containing term `term`.
    func frequency(of term: Int, in segment: SearchSegment) -> Int {
        segment.postings.frequency(of: term) - (self.termFrequencies[term] ?? 0)
    }

    /// Live items of `segment` mentioning entity `id`.
    func frequency(ofEntity id: String, in segment: SearchSegment) -> Int {
        (segment.entities.postings[id]?.count ?? 0) - (self.entityFrequencies[id] ?? 0)
    }
}

extension SearchSegment {
    /// The distinct terms of item `item`, read again from its text as `init` read it.
    fileprivate func terms(of item: UInt32) -> Set<Int> {
        let item = self.items[Int(item)]
        var terms = Set<Int>()
        for text in [item.title] + item.paragraphs.map(\.text) + item.extras {
            SearchToken.forEachWord(in: text) { word, isASCII, _, _ in
                if let term = self.number(ofTerm: Stemmer.stem(SearchToken.folded(word, isASCII: isASCII))) { terms.insert(term) }
            }
        }
        return terms
    }
}
