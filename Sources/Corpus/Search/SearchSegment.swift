import DocumentModel

/// An immutable inverted index over some items: for each term, the items that contain it,
/// how often in each field, and where (for phrases).
///
/// An index is a list of segments; adding items adds a segment instead of rebuilding.
///
/// - Note: Immutable after `init`, hence `Sendable`.
final class SearchSegment: Sendable {
    /// The fields a term can occur in, with their weight in the score.
    enum Field: Int, CaseIterable {
        case title, body, extras

        /// How much an occurrence here counts, relative to the body.
        var weight: Double {
            switch self {
            case .title: return 2.5
            case .body: return 1.0
            case .extras: return 1.5
            }
        }
    }

    /// Gap between the title's positions and the body's, and between paragraphs, so that a
    /// phrase never spans two of them.
    static let positionGap: UInt32 = 16

    let items: [SearchItem]
    /// What ranking, filters and facets read of each item, in flat arrays (reading a whole
    /// `SearchItem` per match would cost a retain per field): its key, source (a number into
    /// `sourceKeys`, folded, and `sourceNames`, as first written; -1 for none), kind (a number
    /// into `DocumentKind.allCases`; -1 for none), publication day number and year (`Int32.min`
    /// for none).
    let itemKeys: [String]
    let itemSources: [Int32]
    let sourceKeys: [String]
    let sourceNames: [String]
    let itemKinds: [Int8]
    let itemDays: [Int32]
    let itemYears: [Int32]
    /// The earliest and latest year of the items (for counting years in an array), if any.
    let years: ClosedRange<Int32>?
    /// Term → its number (see `number(ofTerm:)`).
    let termNumbers: WordTable
    /// Terms by number, and their postings.
    let terms: [String]
    let postings: PostingStore
    /// Every word as written (folded, not stemmed) in sorted order, with its term's number,
    /// for prefixes: `plann*` finds "planning", whose term is `plan`.
    let sortedForms: [(form: String, number: Int)]
    /// Each term's length in Unicode scalars and its letter mask, for quickly ruling out typo
    /// candidates.
    let termLengths: [UInt8]
    let termMasks: [UInt64]
    /// Where each paragraph of each item starts among its positions: item `i`'s are
    /// `paragraphStarts[itemParagraphs[i]..<itemParagraphs[i + 1]]`, so a match's position
    /// tells its paragraph and snippets read only paragraphs that match.
    let paragraphStarts: [UInt32]
    let itemParagraphs: [Int32]
    /// Each item's length in tokens, per field (`Field.allCases.count` per item).
    let fieldLengths: [UInt32]
    /// All items' lengths added up, per field (so that a new index's averages cost no pass
    /// over the items).
    let fieldTotals: [Int]
    /// The entities the items mention.
    let entities: SegmentEntities
    /// The item numbers ordered by document id (`SearchItem.documentID`), then number, for
    /// finding the items of a document to remove (the ids are the items' own).
    let itemsByDocument: [UInt32]

    /// Indexes items.
    ///
    /// - Complexity: O(*n*) in the items' text.
    init(items: [SearchItem]) {
        var dictionary = TermDictionary()
        var postings = PostingStore.Builder()
        var lengths: [UInt32] = []
        var paragraphStarts: [UInt32] = []
        var itemParagraphs: [Int32] = [0]
        lengths.reserveCapacity(items.count * Field.allCases.count)
        itemParagraphs.reserveCapacity(items.count + 1)
        for item in items {
            let titleLength = postings.add(wordsOf: item.title, numberedBy: &dictionary, positioned: true)
            var position = titleLength
            var bodyLength: UInt32 = 0
            for paragraph in item.paragraphs {
                position += Self.positionGap
                paragraphStarts.append(position)
                let words = postings.add(wordsOf: paragraph.text, numberedBy: &dictionary, positioned: true)
                position += words
                bodyLength += words
            }
            itemParagraphs.append(Int32(paragraphStarts.count))
            let extrasLength = item.extras.reduce(0) { $0 + postings.add(wordsOf: $1, numberedBy: &dictionary, positioned: false) }
            postings.endItem()
            lengths.append(contentsOf: [titleLength, bodyLength, extrasLength])
        }
        self.items = items
        var sourceNumbers: [String: Int32] = [:]
        var sourceKeys: [String] = []
        var sourceNames: [String] = []
        self.itemSources = items.map { item in
            guard let source = item.source else { return -1 }
            let key = TextFolding.fold(source)
            if let known = sourceNumbers[key] { return known }
            sourceNumbers[key] = Int32(sourceKeys.count)
            sourceKeys.append(key)
            sourceNames.append(source)
            return Int32(sourceKeys.count - 1)
        }
        self.sourceKeys = sourceKeys
        self.sourceNames = sourceNames
        self.itemKeys = items.map(\.key)
        self.itemKinds = items.map { item in item.kind.flatMap { DocumentKind.allCases.firstIndex(of: $0) }.map(Int8.init) ?? -1 }
        self.itemDays = items.map { $0.published.map { Int32($0.dayNumber) } ?? .min }
        self.itemYears = items.map { $0.published.map { Int32($0.year) } ?? .min }
        let dated = self.itemYears.filter { $0 != .min }
        self.years = dated.min().flatMap { low in dated.max().map { low...$0 } }
        self.termNumbers = dictionary.termNumbers
        self.terms = dictionary.terms
        self.postings = postings.build(fieldLengths: lengths, paragraphStarts: paragraphStarts, itemParagraphs: itemParagraphs)
        self.sortedForms = dictionary.forms.sorted { $0.form < $1.form }
        self.termLengths = dictionary.terms.map { UInt8(min($0.unicodeScalars.count, 255)) }
        self.termMasks = dictionary.terms.map(Self.letterMask)
        self.fieldLengths = lengths
        var totals = [Int](repeating: 0, count: Field.allCases.count)
        for (index, length) in lengths.enumerated() { totals[index % totals.count] += Int(length) }
        self.fieldTotals = totals
        self.paragraphStarts = paragraphStarts
        self.itemParagraphs = itemParagraphs
        self.entities = SegmentEntities(items: items)
        let documentIDs = items.map(\.documentID)
        self.itemsByDocument = documentIDs.indices.sorted { (documentIDs[$0], $0) < (documentIDs[$1], $1) }.map(UInt32.init)
    }

    /// The number of `term`, if some item has it.
    func number(ofTerm term: String) -> Int? {
        self.termNumbers.number(of: term)
    }

    /// The numbers of the items of document `id`, ascending.
    func items(ofDocument id: String) -> [UInt32] {
        let first = self.itemsByDocument.partitionPoint { self.items[Int($0)].documentID >= id }
        return Array(self.itemsByDocument[first...].prefix { self.items[Int($0)].documentID == id })
    }

    /// The places in `item.paragraphs` of the paragraphs where any of the terms occurs in item `number`.
    func paragraphs(of number: UInt32, containing terms: [Int]) -> Set<Int> {
        let starts = self.paragraphStarts[Int(self.itemParagraphs[Int(number)])..<Int(self.itemParagraphs[Int(number) + 1])]
        var found = Set<Int>()
        for term in terms {
            let postings = self.postings[term]
            guard let index = postings.items.sortedIndex(of: number) else { continue }
            for position in postings.positions(at: index) {
                // The last paragraph starting at or before the position (title positions come first).
                let low = starts.partitionPoint { $0 > position }
                if low > starts.startIndex { found.insert(low - 1 - starts.startIndex) }
            }
        }
        return found
    }

    /// The field's length of item `number`, in tokens.
    func length(of number: UInt32, _ field: Field) -> Int {
        Int(self.fieldLengths[Int(number) * Field.allCases.count + field.rawValue])
    }

    /// A bit per character the term uses (`a`–`z`, digits, and other characters sharing the
    /// remaining bits): two words within `k` edits differ in at most `2k` of these bits.
    static func letterMask(_ term: String) -> UInt64 {
        term.unicodeScalars.reduce(0) { mask, scalar in
            switch scalar.value {
            case 0x61...0x7A: return mask | 1 << UInt64(scalar.value - 0x61)
            case 0x30...0x39: return mask | 1 << UInt64(26 + scalar.value - 0x30)
            default: return mask | 1 << UInt64(36 + scalar.value % 28)
            }
        }
    }

    /// The numbers of the terms of the words that start with `prefix` that some live item
    /// has, most frequent (in live items) first, at most `limit`; and how many word forms
    /// were read to find them.
    func terms(startingWith prefix: String, limit: Int, deletions: SegmentDeletions) -> (terms: [Int], scanned: Int) {
        let first = self.sortedForms.partitionPoint { $0.form >= prefix }
        var low = first
        var found = Set<Int>()
        while low < self.sortedForms.count, self.sortedForms[low].form.hasPrefix(prefix) {
            found.insert(self.sortedForms[low].number)
            low += 1
        }
        return (self.mostFrequent(found, limit: limit, deletions: deletions), low - first)
    }

    /// Of `terms`, those some live item has, most frequent first (ties by term number), at
    /// most `limit`: what bounds the expansions of a prefix or a misspelling.
    func mostFrequent(_ terms: some Sequence<Int>, limit: Int, deletions: SegmentDeletions) -> [Int] {
        let live = terms.map { (term: $0, frequency: deletions.frequency(of: $0, in: self)) }.filter { $0.frequency > 0 }
        return live.sorted { ($0.frequency, $1.term) > ($1.frequency, $0.term) }.prefix(limit).map(\.term)
    }

    /// The numbers of the terms within `maxEdits` edits (of characters) of `term`, other than itself.
    func terms(near term: String, maxEdits: Int) -> [Int] {
        let target = Array(term.unicodeScalars)
        let mask = Self.letterMask(term)
        var found: [Int] = []
        for number in self.terms.indices {
            let length = Int(self.termLengths[number])
            guard abs(length - target.count) <= maxEdits, (self.termMasks[number] ^ mask).nonzeroBitCount <= 2 * maxEdits else { continue }
            let candidate = self.terms[number]
            guard candidate != term, EditDistance.isWithin(maxEdits, Array(candidate.unicodeScalars), target) else { continue }
            found.append(number)
        }
        return found
    }
}

extension ArraySlice where Element == UInt32 {
    /// The index of `value` in this ascending slice, found by binary search over its buffer
    /// (a generic search paid for the slice's index arithmetic and checks at every step).
    func sortedIndex(of value: UInt32) -> Index? {
        self.withUnsafeBufferPointer { buffer in
            var low = 0
            var high = buffer.count
            while low < high {
                let middle = (low + high) / 2
                if buffer[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low < buffer.count && buffer[low] == value ? self.startIndex + low : nil
        }
    }
}
