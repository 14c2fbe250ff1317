import DocumentModel

/// One page of a list, with the size of the whole list.
public struct DocumentPage: Sendable {
    /// How many documents the whole list holds.
    public let total: Int
    /// The page's documents, in the list's order.
    public let documents: [Document]
}

extension Snapshot {
    /// A page of the documents `filter` admits, in id order (`order` is `nil`) or in publication
    /// order, with their exact count: what `GET /v1/documents` serves, read from the postings.
    ///
    /// Each condition other than the dates (source, author, kind, entity) is a posting, and the
    /// dates are a range of a posting's publication order, so a term and dates are counted
    /// together in O(log *n*). The list reads the posting of its most selective term (of every
    /// document when there is none):
    /// - one term at most, in publication order or without dates: O(log *n*) per document of the
    ///   page and the offset's O(log *n*) — the count and the page are read by position;
    /// - one term at most with dates, in id order: the term's ids are read in order, testing each
    ///   document's date, until the page is full — O(log *n*) per id read, about (offset + limit)
    ///   ÷ the share of the term's documents in the dates — or, when that share is small, the
    ///   *m* dated ones are sorted by id instead, O(*m* log *n*);
    /// - several terms: every document of the smallest posting (within the dates) is tested
    ///   against the whole filter, O(*m* log *n*) for *m* such documents, to count the matches.
    ///
    /// - Parameters:
    ///   - filter: the conditions; `SearchFilter.admits` decides, this only reads less.
    ///   - order: publication order's direction, or `nil` for id order.
    ///   - offset: matches before the page.
    ///   - limit: most documents on the page.
    /// - Precondition: every `published` date of the collection is a `YYYY-MM-DD` date, as the
    ///   store checks, so comparing dates as text is comparing them as days.
    public func documents(matching filter: SearchFilter, order: PublicationOrder.Direction?, offset: Int, limit: Int) -> DocumentPage {
        let dates = filter.from == nil && filter.to == nil ? nil : (from: filter.from?.description, to: filter.to?.description)
        let terms = ListTerm.terms(of: filter)
        let candidates = (terms.isEmpty ? [ListTerm.all] : terms).map { ($0, self.postings.count($0, published: dates)) }
        guard let (term, count) = candidates.min(by: { $0.1 < $1.1 }) else { preconditionFailure("a list has a term") }
        let isExact = terms.count <= 1 && filter.document == nil
        let document = { (id: String) in self.byID[id]! }
        func page(_ ids: some RandomAccessCollection<String>) -> DocumentPage {
            DocumentPage(total: ids.count, documents: ids.dropFirst(offset).prefix(limit).map(document))
        }
        func matches(_ ids: some Sequence<String>) -> DocumentPage {
            let found = Array(ids.lazy.map(document).filter(filter.admits))
            return DocumentPage(total: found.count, documents: Array(found.dropFirst(offset).prefix(limit)))
        }
        if let order {
            let ids = self.postings.ids(term, published: dates, order)
            return isExact ? page(ids) : matches(ids)
        }
        let ids = self.postings.ids(term)
        guard dates != nil else { return isExact ? page(ids) : matches(ids) }
        guard isExact, Self.scanningReadsLess(wanted: offset.addingReportingOverflow(limit), of: count, among: ids.count) else {
            let dated = Array(self.postings.ids(term, published: dates, .oldestFirst))
            return page((isExact ? dated : dated.filter { filter.admits(document($0)) }).sorted())
        }
        return DocumentPage(total: count, documents: Array(ids.lazy.map(document).filter(filter.admits).dropFirst(offset).prefix(limit)))
    }

    /// Whether reading a term's ids in order until `wanted` of its `matching` documents are found
    /// reads fewer of its `total` than the matching documents themselves (to sort them).
    private static func scanningReadsLess(wanted: (partialValue: Int, overflow: Bool), of matching: Int, among total: Int) -> Bool {
        guard !wanted.overflow, matching > 0 else { return false }
        return Double(min(wanted.partialValue, matching)) * Double(total) / Double(matching) < Double(matching)
    }
}
