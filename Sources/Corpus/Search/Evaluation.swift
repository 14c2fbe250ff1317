import DocumentModel

/// A query evaluated against one segment: the matching items with their scores, and what to
/// highlight in them.
struct Evaluation {
    private let index: SearchIndex
    private let segment: SearchSegment
    /// The segment's removed items, which never match.
    private let deletions: SegmentDeletions
    private let query: SearchQuery
    /// The indexed terms any required clause matched (as written, misspelled or by prefix).
    private(set) var highlightTerms: Set<String> = []
    /// The required phrases, as terms.
    private(set) var highlightPhrases: [[String]] = []
    /// The numbers of all those terms in the segment, for finding the paragraphs they are in.
    private(set) var highlightNumbers: [Int] = []
    /// Entity ids the query names.
    private(set) var namedEntities: Set<String> = []

    init(index: SearchIndex, segment: SearchSegment, deletions: SegmentDeletions, query: SearchQuery) {
        self.index = index
        self.segment = segment
        self.deletions = deletions
        self.query = query
    }

    /// The live items matching every required clause and no excluded one, ascending.
    ///
    /// - Throws: `SearchQueryError.tooMuchWork` when `meter` passes its limit.
    mutating func matches(meter: inout SearchWorkMeter) throws(SearchQueryError) -> [Match] {
        var result: [Match]?
        for clause in self.query.required {
            let matches = try self.evaluate(clause, highlighting: true, meter: &meter)
            result = result.map { Self.intersect($0, matches) } ?? matches
            if result?.isEmpty == true { return [] }
        }
        var excluded = Set<UInt32>()
        for clause in self.query.excluded {
            for match in try self.evaluate(clause, highlighting: false, meter: &meter) where match.isExact { excluded.insert(match.item) }
        }
        return (result ?? []).filter { !excluded.contains($0.item) && !self.deletions.contains($0.item) }
    }

    /// The entities the query named that `item` mentions.
    func matchedEntities(of item: SearchItem) -> [String] {
        item.entities.map(\.id).filter(self.namedEntities.contains)
    }

    // MARK: Clauses

    /// The matches of one clause, charging `meter` for the entries read.
    private mutating func evaluate(_ clause: SearchQuery.Clause, highlighting: Bool, meter: inout SearchWorkMeter) throws(SearchQueryError) -> [Match] {
        var lists: [[Match]] = []
        switch clause {
        case .word(let word):
            let stem = Stemmer.stem(word)
            var variants: [(Int, Double, Bool)] = self.segment.number(ofTerm: stem).map { [($0, 1, true)] } ?? []
            if highlighting, word.count >= 5, !word.allSatisfy(\.isNumber) {
                try meter.charge(self.segment.terms.count / SearchIndex.dictionaryWordsPerUnit, for: clause)
                let near = self.segment.terms(near: stem, maxEdits: word.count >= 9 ? 2 : 1)
                variants += self.segment.mostFrequent(near, limit: SearchIndex.fuzzyExpansionLimit, deletions: self.deletions)
                    .map { ($0, SearchIndex.fuzzyWeight, false) }
            }
            for (number, weight, isExact) in variants {
                lists.append(try self.termMatches(number, weight: weight, isExact: isExact, clause: clause, meter: &meter))
            }
            if highlighting {
                self.highlightTerms.formUnion(variants.map { self.segment.terms[$0.0] })
                self.highlightNumbers += variants.map(\.0)
            }
            lists += try self.entityMatches(named: word, recording: highlighting, clause: clause, meter: &meter)
        case .prefix(let prefix):
            let (expansions, scanned) = self.segment.terms(startingWith: prefix, limit: SearchIndex.prefixExpansionLimit, deletions: self.deletions)
            try meter.charge(scanned, for: clause)
            for number in expansions {
                lists.append(try self.termMatches(number, weight: SearchIndex.prefixWeight, isExact: true, clause: clause, meter: &meter))
            }
            if highlighting {
                self.highlightTerms.formUnion(expansions.map { self.segment.terms[$0] })
                self.highlightNumbers += expansions
            }
        case .phrase(let words):
            let stems = words.map(Stemmer.stem)
            lists.append(try self.phraseMatches(stems, clause: clause, meter: &meter))
            if highlighting {
                self.highlightPhrases.append(stems)
                self.highlightNumbers += stems.compactMap { self.segment.number(ofTerm: $0) }
            }
            lists += try self.entityMatches(named: words.joined(separator: " "), recording: highlighting, clause: clause, meter: &meter)
        }
        return Self.union(lists)
    }

    /// Items containing term `number`, scored.
    private func termMatches(
        _ number: Int, weight: Double, isExact: Bool, clause: SearchQuery.Clause, meter: inout SearchWorkMeter
    ) throws(SearchQueryError) -> [Match] {
        let postings = self.segment.postings[number]
        try meter.charge(postings.items.count, for: clause)
        let inverse = self.index.inverseFrequency(self.index.documentFrequency(of: self.segment.terms[number]))
        return postings.items.indices.map { index in
            let item = postings.items[index]
            var score = 0.0
            for field in SearchSegment.Field.allCases {
                score += self.index.saturated(postings.count(field, at: index), length: self.segment.length(of: item, field), field: field)
            }
            return Match(item: item, score: score * inverse * weight, isExact: isExact)
        }
    }

    /// Items mentioning an entity that has `words` as one of its names, scored like an extra.
    private mutating func entityMatches(
        named words: String, recording: Bool, clause: SearchQuery.Clause, meter: inout SearchWorkMeter
    ) throws(SearchQueryError) -> [[Match]] {
        let ids = self.index.entities(named: words)
        if recording { self.namedEntities.formUnion(ids) }
        var lists: [[Match]] = []
        for id in ids {
            guard let postings = self.segment.entities.postings[id] else { continue }
            try meter.charge(postings.count, for: clause)
            let inverse = self.index.inverseFrequency(self.index.documentFrequency(ofEntity: id))
            lists.append(postings.map { item, mentions in
                let score = self.index.saturated(Int(mentions), length: self.segment.length(of: item, .extras), field: .extras)
                return Match(item: item, score: score * inverse, isExact: true)
            })
        }
        return lists
    }

    /// Items containing the terms one after another, scored as the sum of the terms' scores.
    private func phraseMatches(_ stems: [String], clause: SearchQuery.Clause, meter: inout SearchWorkMeter) throws(SearchQueryError) -> [Match] {
        let numbers = stems.compactMap { self.segment.number(ofTerm: $0) }
        guard numbers.count == stems.count else { return [] }
        let postings = numbers.map { self.segment.postings[$0] }
        // Start from the rarest term; find each of its items in the others by binary search.
        let rarest = postings.indices.min { postings[$0].items.count < postings[$1].items.count }!
        var result: [Match] = []
        // A term that comes back in the phrase ("the … the") is looked up once per item.
        let firstOffset = numbers.map { number in numbers.firstIndex(of: number)! }
        // The first term's positions in the current item that may start the phrase (one buffer for all items).
        var starts: [UInt32] = []
        for (rarestIndex, item) in zip(postings[rarest].items.indices, postings[rarest].items) {
            var indices: [Int] = []
            for (offset, list) in postings.enumerated() {
                if offset == rarest {
                    indices.append(rarestIndex)
                } else if firstOffset[offset] < offset {
                    indices.append(indices[firstOffset[offset]])
                } else if let found = list.items.sortedIndex(of: item) {
                    indices.append(found)
                } else {
                    break
                }
            }
            try meter.charge(indices.count, for: clause)
            guard indices.count == postings.count else { continue }
            starts.removeAll(keepingCapacity: true)
            starts.append(contentsOf: postings[0].positions(at: indices[0]))
            try meter.charge(starts.count * postings.count, for: clause)
            for offset in 1..<postings.count where !starts.isEmpty {
                Self.keepFollowed(&starts, by: postings[offset].positions(at: indices[offset]), at: UInt32(offset))
            }
            guard !starts.isEmpty else { continue }
            var score = 0.0
            for (offset, list) in postings.enumerated() {
                let inverse = self.index.inverseFrequency(self.index.documentFrequency(of: self.segment.terms[numbers[offset]]))
                for field in SearchSegment.Field.allCases {
                    score += inverse * self.index.saturated(list.count(field, at: indices[offset]), length: self.segment.length(of: item, field), field: field)
                }
            }
            result.append(Match(item: item, score: score, isExact: true))
        }
        return result
    }

    /// Keeps the `starts` (ascending) that `positions` has at `offset` after them, in one
    /// pass over both: the positions are decoded as they are read, not searched.
    private static func keepFollowed(_ starts: inout [UInt32], by positions: PositionList, at offset: UInt32) {
        var following = positions.makeIterator()
        var next = following.next()
        var kept = 0
        for index in starts.indices {
            let wanted = starts[index] + offset
            while let position = next, position < wanted { next = following.next() }
            if next == wanted {
                starts[kept] = starts[index]
                kept += 1
            }
        }
        starts.removeLast(starts.count - kept)
    }

    // MARK: Combining

    /// Matches of any list, one per item: the best score, exact if any list matched exactly.
    private static func union(_ lists: [[Match]]) -> [Match] {
        // Each list is in item order: merge them two at a time, smallest first, in linear passes.
        var remaining = lists.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        while remaining.count > 1 {
            let first = remaining.removeLast()
            let second = remaining.removeLast()
            remaining.append(Self.merge(first, second))
            remaining.sort { $0.count > $1.count }
        }
        return remaining.first ?? []
    }

    /// Two item-ordered lists as one: an item in both keeps the better score, exact if either was.
    private static func merge(_ left: [Match], _ right: [Match]) -> [Match] {
        var result: [Match] = []
        result.reserveCapacity(left.count + right.count)
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i].item < right[j].item) {
                result.append(left[i])
                i += 1
            } else if i == left.count || right[j].item < left[i].item {
                result.append(right[j])
                j += 1
            } else {
                result.append(Match(item: left[i].item, score: max(left[i].score, right[j].score), isExact: left[i].isExact || right[j].isExact))
                i += 1
                j += 1
            }
        }
        return result
    }

    /// Items in both lists: scores added, exact only if exact in both.
    private static func intersect(_ left: [Match], _ right: [Match]) -> [Match] {
        var result: [Match] = []
        var i = 0
        var j = 0
        while i < left.count && j < right.count {
            if left[i].item < right[j].item {
                i += 1
            } else if left[i].item > right[j].item {
                j += 1
            } else {
                result.append(Match(item: left[i].item, score: left[i].score + right[j].score, isExact: left[i].isExact && right[j].isExact))
                i += 1
                j += 1
            }
        }
        return result
    }
}

/// The first `count` elements of a list in a given order, without sorting all of it.
enum TopHits {
    /// The `count` first elements by `precedes`, in that order.
    ///
    /// - Complexity: O(*n* log `count`).
    static func select<T>(_ elements: [T], count: Int, by precedes: (T, T) -> Bool) -> [T] {
        guard count > 0 else { return [] }
        if elements.count / 4 <= count { return Array(elements.sorted(by: precedes).prefix(count)) }
        // A max-heap (by `precedes`) of the best `count` so far: its root is the worst kept.
        var heap: [T] = []
        heap.reserveCapacity(count)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var worst = parent
                if left < heap.count && precedes(heap[worst], heap[left]) { worst = left }
                if right < heap.count && precedes(heap[worst], heap[right]) { worst = right }
                if worst == parent { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for element in elements {
            if heap.count < count {
                heap.append(element)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard precedes(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if precedes(element, heap[0]) {
                heap[0] = element
                siftDown(0)
            }
        }
        return heap.sorted(by: precedes)
    }
}
