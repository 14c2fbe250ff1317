import DocumentModel

/// What a search index holds in memory, part by part, estimated from its arrays' capacities
/// and element sizes and its strings' UTF-8 bytes: for measuring what each part costs per
/// document (`search-benchmark --footprint`), not for accounting exactly (allocator rounding
/// and dictionary overheads are left out).
public struct SearchFootprint: Sendable {
    /// One part of the index and its bytes, over every segment.
    public struct Part: Sendable {
        /// What the part is (a property of `SearchSegment` or of the index).
        public let name: String
        /// Its estimated heap bytes.
        public let bytes: Int
        /// Whether the bytes are text the documents hold too (shared storage, not a copy,
        /// when the index was built from the snapshot's documents).
        public let isSharedText: Bool
    }

    /// The parts, in a fixed order.
    public let parts: [Part]
    /// How many segments the index has.
    public let segmentCount: Int

    /// The bytes of every part that is not text shared with the documents.
    public var ownBytes: Int {
        self.parts.filter { !$0.isSharedText }.reduce(0) { $0 + $1.bytes }
    }
}

extension SearchIndex {
    /// What this index holds, part by part, summed over its segments.
    public var footprint: SearchFootprint {
        var totals: [(name: String, bytes: Int, isSharedText: Bool)] = []
        for segment in self.segments {
            for (offset, part) in segment.footprintParts.enumerated() {
                if offset < totals.count { totals[offset].bytes += part.bytes } else { totals.append(part) }
            }
        }
        let list = HeapBytes.of(self.segments) + HeapBytes.of(self.deletions)
        return SearchFootprint(
            parts: totals.map { SearchFootprint.Part(name: $0.name, bytes: $0.bytes, isSharedText: $0.isSharedText) }
                + [SearchFootprint.Part(name: "segment list", bytes: list, isSharedText: false)],
            segmentCount: self.segments.count)
    }
}

extension SearchSegment {
    /// This segment's parts, in `SearchIndex.footprint`'s order.
    fileprivate var footprintParts: [(name: String, bytes: Int, isSharedText: Bool)] {
        let own: [(String, Int)] = [
            ("postings.termStarts", HeapBytes.of(self.postings.termStarts)),
            ("postings.items", HeapBytes.of(self.postings.items)),
            ("postings.counts", self.postings.counts.heapBytes),
            ("postings.positions", self.postings.positions.heapBytes),
            ("terms", HeapBytes.of(self.terms) + self.terms.reduce(0) { $0 + HeapBytes.of($1) }),
            ("term numbers (WordTable)", self.termNumbers.heapBytes),
            ("sortedForms", HeapBytes.of(self.sortedForms) + self.sortedForms.reduce(0) { $0 + HeapBytes.of($1.form) }),
            ("termLengths, termMasks", HeapBytes.of(self.termLengths) + HeapBytes.of(self.termMasks)),
            ("paragraphStarts, itemParagraphs", HeapBytes.of(self.paragraphStarts) + HeapBytes.of(self.itemParagraphs)),
            ("fieldLengths", HeapBytes.of(self.fieldLengths)),
            ("item keys, sources, kinds, days, years",
             HeapBytes.of(self.itemKeys) + self.itemKeys.reduce(0) { $0 + HeapBytes.of($1) } + HeapBytes.of(self.itemSources)
                + HeapBytes.of(self.itemKinds) + HeapBytes.of(self.itemDays) + HeapBytes.of(self.itemYears)),
            ("itemsByDocument", HeapBytes.of(self.itemsByDocument)),
            ("entities (SegmentEntities)", self.entities.heapBytes),
            ("items (SearchItem: a Document each)", HeapBytes.of(self.items)),
        ]
        let text = self.items.reduce(0) { $0 + $1.textBytes }
        return own.map { ($0.0, $0.1, false) } + [("items' text (shared with the documents)", text, true)]
    }
}

extension SearchItem {
    /// The UTF-8 bytes of the text this item refers to: title, paragraphs, extras.
    fileprivate var textBytes: Int {
        HeapBytes.of(self.title) + self.paragraphs.reduce(0) { $0 + HeapBytes.of($1.text) } + self.extras.reduce(0) { $0 + HeapBytes.of($1) }
    }
}

extension SegmentEntities {
    /// The heap bytes of the entity postings, forms and numbers (ids' and names' strings included).
    var heapBytes: Int {
        let postingBytes = self.postings.reduce(HeapBytes.of(self.postings)) { $0 + HeapBytes.of($1.key) + HeapBytes.of($1.value) }
        let formBytes = self.forms.reduce(HeapBytes.of(self.forms)) { $0 + HeapBytes.of($1.key) + HeapBytes.of($1.value) }
        let names = self.ids.reduce(0) { $0 + HeapBytes.of($1) } + self.names.reduce(0) { $0 + HeapBytes.of($1) }
        return postingBytes + formBytes + HeapBytes.of(self.ids) + HeapBytes.of(self.names) + names
            + HeapBytes.of(self.itemEntities) + HeapBytes.of(self.itemEntityStarts)
    }
}

/// Heap bytes of arrays, dictionaries and strings, estimated.
enum HeapBytes {
    /// A heap object's header (isa, reference count) plus an array's count and capacity.
    static let header = 32

    /// An array's buffer: its capacity of elements and a header (nothing when empty).
    static func of<Element>(_ array: [Element]) -> Int {
        array.capacity == 0 ? 0 : header + array.capacity * MemoryLayout<Element>.stride
    }

    /// A dictionary's buffer: its capacity of keys and values and a header.
    static func of<Key, Value>(_ dictionary: [Key: Value]) -> Int {
        dictionary.capacity == 0 ? 0 : header + dictionary.capacity * (MemoryLayout<Key>.stride + MemoryLayout<Value>.stride + 1)
    }

    /// A string's heap buffer: none for one of up to 15 UTF-8 bytes (held inline).
    static func of(_ string: String) -> Int {
        string.utf8.count <= 15 ? 0 : header + string.utf8.count + 1
    }
}
