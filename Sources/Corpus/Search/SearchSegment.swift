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

    /// A term's postings: items in order, each with its per-field counts and positions.
    struct Postings: Sendable {
        /// Item numbers, ascending.
        var items: [UInt32] = []
        /// `Field.allCases.count` counts per item.
        var counts: [UInt16] = []
        /// Where each item's positions start in `positions` (one more entry than `items`).
        var positionStarts: [UInt32] = [0]
        /// Token positions (title, then body after a gap; extras have none).
        var positions: [UInt32] = []

        func count(_ field: Field, at index: Int) -> Int {
            Int(self.counts[index * Field.allCases.count + field.rawValue])
        }

        func positions(at index: Int) -> ArraySlice<UInt32> {
            self.positions[Int(self.positionStarts[index])..<Int(self.positionStarts[index + 1])]
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
    /// Term → its number.
    let termNumbers: [String: Int]
    /// Terms by number, and their postings.
    let terms: [String]
    let postings: [Postings]
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
    /// Entity id → (item, mention count) pairs, items ascending.
    let entityPostings: [String: [(item: UInt32, mentions: UInt32)]]
    /// An entity's forms, folded, words joined by spaces (`dprk`, `north korea`) → its ids.
    let entityForms: [String: [String]]
    /// The entities of this segment by number (ids and names), and each item's entity numbers.
    let entityIDs: [String]
    let entityNames: [String]
    /// Item `i`'s entity numbers are `itemEntities[itemEntityStarts[i]..<itemEntityStarts[i + 1]]`
    /// (one flat array: an array per item cost a retain per match in the facet loop).
    let itemEntities: [Int32]
    let itemEntityStarts: [Int32]

    /// Indexes items.
    ///
    /// - Complexity: O(*n*) in the items' text.
    init(items: [SearchItem]) {
        var numbers: [String: Int] = [:]
        // Word as written → its term's number: each distinct word is stemmed once.
        var forms: [String: Int] = [:]
        var terms: [String] = []
        var postings: [Postings] = []
        var lengths: [UInt32] = []
        var paragraphStarts: [UInt32] = []
        var itemParagraphs: [Int32] = [0]
        lengths.reserveCapacity(items.count * Field.allCases.count)
        var entityPostings: [String: [(item: UInt32, mentions: UInt32)]] = [:]
        var entityForms: [String: [String]] = [:]
        var entityNumbers: [String: Int32] = [:]
        var entityIDs: [String] = []
        var entityNames: [String] = []
        var itemEntities: [Int32] = []
        var itemEntityStarts: [Int32] = [0]
        let fieldCount = Field.allCases.count
        /// The number of a word's term: each distinct word is looked up in `forms`, and
        /// stemmed only the first time.
        func termNumber(_ token: SearchToken) -> Int {
            if let known = forms[token.folded] { return known }
            let term = token.term
            let number: Int
            if let known = numbers[term] {
                number = known
            } else {
                number = terms.count
                numbers[term] = number
                terms.append(term)
                postings.append(Postings())
            }
            forms[token.folded] = number
            return number
        }
        // One item's occurrences, numbered first (which may add terms), then posted in one
        // pass over the postings' storage, without a uniqueness check of the outer array per
        // occurrence.
        var occurrences: [(term: Int, field: Field, position: UInt32?)] = []
        for (itemNumber, item) in items.enumerated() {
            let number = UInt32(itemNumber)
            occurrences.removeAll(keepingCapacity: true)
            var position: UInt32 = 0
            let title = SearchToken.scan(item.title)
            for token in title {
                occurrences.append((termNumber(token), .title, position))
                position += 1
            }
            var bodyLength: UInt32 = 0
            for paragraph in item.paragraphs {
                position += Self.positionGap
                paragraphStarts.append(position)
                for token in SearchToken.scan(paragraph.text) {
                    occurrences.append((termNumber(token), .body, position))
                    position += 1
                    bodyLength += 1
                }
            }
            itemParagraphs.append(Int32(paragraphStarts.count))
            var extrasLength: UInt32 = 0
            for extra in item.extras {
                for token in SearchToken.scan(extra) {
                    occurrences.append((termNumber(token), .extras, nil))
                    extrasLength += 1
                }
            }
            postings.withUnsafeMutableBufferPointer { postings in
                for occurrence in occurrences {
                    let term = occurrence.term
                    if postings[term].items.last != number {
                        postings[term].items.append(number)
                        for _ in 0..<fieldCount { postings[term].counts.append(0) }
                        postings[term].positionStarts.append(UInt32(postings[term].positions.count))
                    }
                    let slot = postings[term].counts.count - fieldCount + occurrence.field.rawValue
                    if postings[term].counts[slot] < .max { postings[term].counts[slot] += 1 }
                    if let position = occurrence.position {
                        postings[term].positions.append(position)
                        postings[term].positionStarts[postings[term].positionStarts.count - 1] += 1
                    }
                }
            }
            lengths.append(contentsOf: [UInt32(title.count), bodyLength, extrasLength])
            for entity in item.entities {
                entityPostings[entity.id, default: []].append((number, UInt32(max(entity.mentions.count, 1))))
                if entityNumbers[entity.id] == nil {
                    entityNumbers[entity.id] = Int32(entityIDs.count)
                    entityIDs.append(entity.id)
                    entityNames.append(entity.name)
                }
                for form in entity.forms {
                    let key = Self.formKey(form)
                    if !key.isEmpty && !(entityForms[key]?.contains(entity.id) ?? false) { entityForms[key, default: []].append(entity.id) }
                }
                itemEntities.append(entityNumbers[entity.id]!)
            }
            itemEntityStarts.append(Int32(itemEntities.count))
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
        self.termNumbers = numbers
        self.terms = terms
        self.postings = postings
        self.sortedForms = forms.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        self.termLengths = terms.map { UInt8(min($0.unicodeScalars.count, 255)) }
        self.termMasks = terms.map(Self.letterMask)
        self.fieldLengths = lengths
        self.paragraphStarts = paragraphStarts
        self.itemParagraphs = itemParagraphs
        self.entityPostings = entityPostings
        self.entityForms = entityForms
        self.entityIDs = entityIDs
        self.entityNames = entityNames
        self.itemEntities = itemEntities
        self.itemEntityStarts = itemEntityStarts
    }

    /// How an entity's form, or a query's words, are looked up: folded words joined by spaces.
    static func formKey(_ text: String) -> String {
        SearchToken.scan(text).map(\.folded).joined(separator: " ")
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
                var low = starts.startIndex
                var high = starts.endIndex
                while low < high {
                    let middle = (low + high) / 2
                    if starts[middle] <= position { low = middle + 1 } else { high = middle }
                }
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

    /// The numbers of the terms of the words that start with `prefix`, most frequent first,
    /// at most `limit`.
    func terms(startingWith prefix: String, limit: Int) -> [Int] {
        var low = 0
        var high = self.sortedForms.count
        while low < high {
            let middle = (low + high) / 2
            if self.sortedForms[middle].form < prefix { low = middle + 1 } else { high = middle }
        }
        var found = Set<Int>()
        while low < self.sortedForms.count, self.sortedForms[low].form.hasPrefix(prefix) {
            found.insert(self.sortedForms[low].number)
            low += 1
        }
        return Array(found.sorted { (self.postings[$0].items.count, $1) > (self.postings[$1].items.count, $0) }.prefix(limit))
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

extension RandomAccessCollection where Element == UInt32 {
    /// The index of `value` in this ascending collection, found by binary search.
    func sortedIndex(of value: UInt32) -> Index? {
        var low = self.startIndex
        var high = self.endIndex
        while low < high {
            let middle = self.index(low, offsetBy: self.distance(from: low, to: high) / 2)
            if self[middle] < value { low = self.index(after: middle) } else { high = middle }
        }
        return low < self.endIndex && self[low] == value ? low : nil
    }
}
