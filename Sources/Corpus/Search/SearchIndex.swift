import DocumentModel
import Foundation

/// A ranked full-text index over documents (or quotations): the engine behind `/v1/search`.
///
/// Matching follows `SearchQuery`; ranking is BM25 (k1 1.2, b 0.75) per field, title,
/// body and extras (quotations, entity names) weighted by `SearchSegment.Field.weight`.
/// Hits that match every word as written rank above those that need a misspelling; ties go
/// to the more recent item, then to the smaller id. A word or phrase that names an entity
/// also matches the items that mention it under any name.
///
/// The index is a list of immutable segments: `adding(_:)` indexes only the new documents
/// (merging small segments now and then) and `removing(documentIDs:)` only marks items as
/// removed, each returning a new index, so readers of the old index are never blocked.
///
/// - Note: Immutable, hence `Sendable`.
public final class SearchIndex: Sendable {
    /// Most entities in the entity facet.
    public static let entityFacetLimit = 10
    /// Most words one prefix expands to.
    static let prefixExpansionLimit = 64
    /// Most misspellings one word expands to (the most frequent).
    static let fuzzyExpansionLimit = 32
    /// Dictionary words read for one unit of work while looking for misspellings: most are
    /// passed over on their length and letters alone, far cheaper than scoring a posting.
    static let dictionaryWordsPerUnit = 8
    /// The work a search may do unless the server is told otherwise (`--search-work-limit`):
    /// see `SearchWorkMeter` for the unit.
    public static let defaultWorkLimit = 2_000_000
    /// How much a misspelled or prefix-expanded match counts, relative to the word as written.
    static let fuzzyWeight = 0.5
    static let prefixWeight = 0.8
    private static let k1 = 1.2
    private static let b = 0.75

    let segments: [SearchSegment]
    /// The items removed from each segment (by `removing(documentIDs:)`), in the same order.
    let deletions: [SegmentDeletions]
    /// Live (not removed) items across segments.
    let itemCount: Int
    /// Average field lengths of the live items, by `Field.rawValue`.
    private let averageLengths: [Double]

    /// Indexes documents: titles, body and background paragraphs, quotations, entity names.
    public convenience init(documents: [Document]) {
        self.init(items: documents.map(SearchItem.init(document:)))
    }

    /// A quotation's key in a quotation index: `DOCUMENT/QUOTE` (quotation ids are per document).
    public static func quotationKey(document: String, quote: String) -> String {
        document + "/" + quote
    }

    /// Indexes the quotations of documents, each as an item keyed by `quotationKey`.
    public static func quotations(of documents: [Document]) -> SearchIndex {
        SearchIndex(items: Self.quotationItems(of: documents))
    }

    /// The items of a quotation index for `documents`: one per quotation.
    static func quotationItems(of documents: [Document]) -> [SearchItem] {
        documents.flatMap { document in
            // By id once per document: scanning the entities for each quotation's speaker was
            // quadratic (20,000 quotations by 20,000 people held the writer for seconds).
            let entities = Dictionary(document.entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            return document.quotes.indices.map { SearchItem(quote: $0, of: document, entities: entities) }
        }
    }

    /// An index of `items` in one segment.
    private convenience init(items: [SearchItem]) {
        self.init(segments: items.isEmpty ? [] : [SearchSegment(items: items)], deletions: items.isEmpty ? [] : [SegmentDeletions()])
    }

    init(segments: [SearchSegment], deletions: [SegmentDeletions]) {
        precondition(segments.count == deletions.count, "one SegmentDeletions per segment")
        let count = zip(segments, deletions).reduce(0) { $0 + $1.0.items.count - $1.1.count }
        var totals = [Int](repeating: 0, count: SearchSegment.Field.allCases.count)
        for (segment, removed) in zip(segments, deletions) {
            for field in totals.indices { totals[field] += segment.fieldTotals[field] - removed.fieldTotals[field] }
        }
        self.segments = segments
        self.deletions = deletions
        self.itemCount = count
        self.averageLengths = totals.map { count == 0 ? 1 : max(Double($0) / Double(count), 1) }
    }

    // MARK: Searching

    /// Runs a query.
    ///
    /// - Parameters:
    ///   - query: what to find.
    ///   - filter: which items may match.
    ///   - limit: hits per page.
    ///   - offset: hits to skip.
    ///   - workLimit: most entries the search may read (see `SearchWorkMeter`).
    /// - Returns: the total, the page of hits with snippets, and facets over all matches.
    /// - Throws: `SearchQueryError.tooMuchWork` naming the clause that passed `workLimit`.
    public func search(
        _ query: SearchQuery, filter: SearchFilter = SearchFilter(), limit: Int = 20, offset: Int = 0, workLimit: Int = SearchIndex.defaultWorkLimit
    ) throws(SearchQueryError) -> SearchResults {
        var found: [(segment: Int, match: Match)] = []
        var evaluations: [Evaluation] = []
        var meter = SearchWorkMeter(limit: workLimit)
        for (number, segment) in self.segments.enumerated() {
            var evaluation = Evaluation(index: self, segment: segment, deletions: self.deletions[number], query: query)
            let matches = try evaluation.matches(meter: &meter)
            if filter == SearchFilter() {
                found += matches.map { (number, $0) }
            } else {
                let admits = filter.compiled(for: segment)
                for match in matches where admits(match.item) { found.append((number, match)) }
            }
            evaluations.append(evaluation)
        }
        let facets = self.facets(of: found)
        // Saturating: an offset near Int.max asks for no hits, not an overflow.
        let (wanted, overflow) = offset.addingReportingOverflow(limit)
        let page = TopHits.select(found, count: overflow ? Int.max : wanted) { left, right in
            self.ranksBefore(left, right)
        }.dropFirst(offset)
        let hits = page.map { segment, match in
            let item = self.segments[segment].items[Int(match.item)]
            let evaluation = evaluations[segment]
            let entities = evaluation.matchedEntities(of: item)
            // Paragraphs where a matched word occurs, or that mention a matched entity.
            var paragraphs = self.segments[segment].paragraphs(of: match.item, containing: evaluation.highlightNumbers)
            let itemParagraphs = item.paragraphs
            for entity in item.entities where entities.contains(entity.id) {
                for mention in entity.mentions {
                    if let place = itemParagraphs.firstIndex(where: { $0.index == mention.paragraph }) { paragraphs.insert(place) }
                }
            }
            return SearchHit(
                id: item.key, score: (match.score * 1000).rounded() / 1000, isExact: match.isExact,
                matchedEntities: entities,
                snippets: SnippetBuilder(
                    terms: evaluation.highlightTerms, phrases: evaluation.highlightPhrases, entities: entities,
                    clauses: query.required.count
                ).snippets(of: item, reading: paragraphs))
        }
        return SearchResults(total: found.count, hits: Array(hits), facets: facets, work: meter.spent)
    }

    private func ranksBefore(_ left: (segment: Int, match: Match), _ right: (segment: Int, match: Match)) -> Bool {
        if left.match.isExact != right.match.isExact { return left.match.isExact }
        if left.match.score != right.match.score { return left.match.score > right.match.score }
        // Newer first (undated, Int32.min, last), then by key.
        let leftDay = self.segments[left.segment].itemDays[Int(left.match.item)]
        let rightDay = self.segments[right.segment].itemDays[Int(right.match.item)]
        if leftDay != rightDay { return leftDay > rightDay }
        return self.segments[left.segment].itemKeys[Int(left.match.item)] < self.segments[right.segment].itemKeys[Int(right.match.item)]
    }

    // MARK: Scoring

    /// The entities, across segments, that have `words` (folded, space-separated) as a name.
    func entities(named words: String) -> [String] {
        var ids: [String] = []
        for segment in self.segments {
            for id in segment.entities.forms[words] ?? [] where !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Live items containing `term`, across segments.
    func documentFrequency(of term: String) -> Int {
        zip(self.segments, self.deletions).reduce(0) { total, part in
            total + (part.0.number(ofTerm: term).map { part.1.frequency(of: $0, in: part.0) } ?? 0)
        }
    }

    /// Live items mentioning an entity, across segments.
    func documentFrequency(ofEntity id: String) -> Int {
        zip(self.segments, self.deletions).reduce(0) { $0 + $1.1.frequency(ofEntity: id, in: $1.0) }
    }

    /// BM25's inverse document frequency.
    func inverseFrequency(_ frequency: Int) -> Double {
        log(1 + (Double(self.itemCount - frequency) + 0.5) / (Double(frequency) + 0.5))
    }

    /// BM25's saturated term frequency for one field of one item.
    func saturated(_ count: Int, length: Int, field: SearchSegment.Field) -> Double {
        guard count > 0 else { return 0 }
        let frequency = Double(count)
        let norm = 1 - Self.b + Self.b * Double(length) / self.averageLengths[field.rawValue]
        return field.weight * frequency * (Self.k1 + 1) / (frequency + Self.k1 * norm)
    }

    // MARK: Facets

    private func facets(of found: [(segment: Int, match: Match)]) -> SearchFacets {
        // Counted by number per segment, then named: no string work per match.
        var sourceCounts = self.segments.map { [Int](repeating: 0, count: $0.sourceKeys.count) }
        var kindCounts = [Int](repeating: 0, count: DocumentKind.allCases.count)
        var years: [Int32: Int] = [:]
        var entityCounts = self.segments.map { [Int](repeating: 0, count: $0.entities.ids.count) }
        for (number, segment) in self.segments.enumerated() {
            let (sources, kinds, itemYears) = (segment.itemSources, segment.itemKinds, segment.itemYears)
            let (entities, starts) = (segment.entities.itemEntities, segment.entities.itemEntityStarts)
            var sourceCount = sourceCounts[number]
            var entityCount = entityCounts[number]
            let firstYear = segment.years?.lowerBound ?? 0
            var yearCount = [Int](repeating: 0, count: segment.years.map { Int($0.upperBound - $0.lowerBound) + 1 } ?? 0)
            for (matchSegment, match) in found where matchSegment == number {
                let item = Int(match.item)
                if sources[item] >= 0 { sourceCount[Int(sources[item])] += 1 }
                if kinds[item] >= 0 { kindCounts[Int(kinds[item])] += 1 }
                if itemYears[item] != .min { yearCount[Int(itemYears[item] - firstYear)] += 1 }
                for index in Int(starts[item])..<Int(starts[item + 1]) { entityCount[Int(entities[index])] += 1 }
            }
            sourceCounts[number] = sourceCount
            entityCounts[number] = entityCount
            for (offset, count) in yearCount.enumerated() where count > 0 { years[firstYear + Int32(offset), default: 0] += count }
        }
        // Sources group as the source filter compares them (folded), shown as first written.
        var sources: [String: (shown: String, count: Int)] = [:]
        for (number, segment) in self.segments.enumerated() {
            for (source, count) in sourceCounts[number].enumerated() where count > 0 {
                sources[segment.sourceKeys[source], default: (segment.sourceNames[source], 0)].count += count
            }
        }
        let kinds = Dictionary(uniqueKeysWithValues: zip(DocumentKind.allCases.map(\.rawValue), kindCounts).filter { $0.1 > 0 })
        func ranked(_ counts: [String: Int]) -> [SearchFacets.Count] {
            counts.map { SearchFacets.Count(value: $0.key, name: nil, count: $0.value) }.sorted { ($1.count, $0.value) < ($0.count, $1.value) }
        }
        return SearchFacets(
            sources: ranked(Dictionary(uniqueKeysWithValues: sources.values.map { ($0.shown, $0.count) })), kinds: ranked(kinds),
            years: years.sorted { $0.key > $1.key }.map { SearchFacets.Count(value: String($0.key), name: nil, count: $0.value) },
            entities: self.topEntities(entityCounts))
    }

    /// The most mentioned entities, most first (ties by id). With one segment they are picked
    /// from its count array directly; only the winners get names.
    private func topEntities(_ counts: [[Int]]) -> [SearchFacets.Count] {
        let limit = Self.entityFacetLimit
        if let segment = self.segments.first, self.segments.count == 1 {
            let entityCounts = counts[0]
            let counted = entityCounts.indices.filter { entityCounts[$0] > 0 }
            return TopHits.select(counted, count: limit) { (entityCounts[$1], segment.entities.ids[$0]) < (entityCounts[$0], segment.entities.ids[$1]) }
                .map { SearchFacets.Count(value: segment.entities.ids[$0], name: segment.entities.names[$0], count: entityCounts[$0]) }
        }
        var entities: [String: (name: String, count: Int)] = [:]
        for (number, segment) in self.segments.enumerated() {
            for (entity, count) in counts[number].enumerated() where count > 0 {
                entities[segment.entities.ids[entity], default: (segment.entities.names[entity], 0)].count += count
            }
        }
        return TopHits.select(
            entities.map { SearchFacets.Count(value: $0.key, name: $0.value.name, count: $0.value.count) }, count: limit
        ) { ($1.count, $0.value) < ($0.count, $1.value) }
    }
}

/// One item's match of a query: its score and whether every word matched as written.
struct Match: Sendable {
    let item: UInt32
    var score: Double
    var isExact: Bool
}

/// Which items a search may return.
public struct SearchFilter: Sendable, Hashable {
    /// The source, compared folded (`afp` is `AFP`).
    public var source: String?
    /// An author the document's byline names, compared folded (`jose garcia` is `José García`).
    /// A list filter only: search segments do not index authors.
    public var author: String?
    /// The kind of document (news article, press release, ...).
    public var kind: DocumentKind?
    /// Published on or after.
    public var from: CalendarDate?
    /// Published on or before.
    public var to: CalendarDate?
    /// An entity id the item must mention (for quotations: its speaker).
    public var entity: String?
    /// The document the item must be or come from.
    public var document: String?

    /// A filter; every condition optional. With `from` or `to`, undated items never match.
    public init(
        source: String? = nil, author: String? = nil, kind: DocumentKind? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
        entity: String? = nil, document: String? = nil
    ) {
        self.source = source.map(TextFolding.fold)
        self.author = author.map(TextFolding.fold)
        self.kind = kind
        self.from = from
        self.to = to
        self.entity = entity
        self.document = document
    }

    /// Whether a document passes.
    public func admits(_ document: Document) -> Bool {
        if let wanted = self.author, !document.authors.contains(where: { TextFolding.fold($0) == wanted }) { return false }
        return self.admits(
            source: document.source, kind: document.kind, published: document.published.flatMap(CalendarDate.init(parsing:)),
            documentID: document.id, mentions: { id in document.entities.contains { $0.id == id } })
    }

    /// This filter as a test of a segment's item numbers, reading its flat arrays.
    func compiled(for segment: SearchSegment) -> (UInt32) -> Bool {
        precondition(self.author == nil, "author is a list filter: search segments do not index authors")
        let source = self.source.map { wanted in segment.sourceKeys.firstIndex(of: wanted).map(Int32.init) ?? -2 }
        let kind = self.kind.flatMap { DocumentKind.allCases.firstIndex(of: $0) }.map(Int8.init)
        let from = self.from.map { Int32($0.dayNumber) }
        let to = self.to.map { Int32($0.dayNumber) }
        let mentioning = self.entity.map { Set((segment.entities.postings[$0] ?? []).map(\.item)) }
        let document = self.document
        return { item in
            let index = Int(item)
            if let source, segment.itemSources[index] != source { return false }
            if let kind, segment.itemKinds[index] != kind { return false }
            let day = segment.itemDays[index]
            if from != nil || to != nil, day == .min { return false }
            if let from, day < from { return false }
            if let to, day > to { return false }
            if let mentioning, !mentioning.contains(item) { return false }
            if let document, segment.items[index].documentID != document { return false }
            return true
        }
    }

    private func admits(
        source: String?, kind: DocumentKind?, published: CalendarDate?, documentID: String, mentions: (String) -> Bool
    ) -> Bool {
        if let wanted = self.source, source.map(TextFolding.fold) != wanted { return false }
        if let wanted = self.kind, kind != wanted { return false }
        if self.from != nil || self.to != nil {
            guard let published else { return false }
            if let from, published < from { return false }
            if let to, published > to { return false }
        }
        if let entity, !mentions(entity) { return false }
        if let document, documentID != document { return false }
        return true
    }
}
