import DocumentModel

/// For every list term (`ListTerm`), the documents that have it, in id order and in publication
/// order: the postings the document list reads instead of testing every document.
///
/// A term's documents are a contiguous run of each index, so counting them, and counting those
/// published in a date range, is O(log *n*) by positions; a page of them in either order is
/// O(log *n*) per document. Newest first is read from the oldest-first index (see
/// `PostingView`), so the two publication orders cost one index. Keys hold ids and dates only.
struct DocumentPostings: Sendable {
    /// A document under a term, in id order.
    struct IDKey: Comparable, Sendable {
        let term: ListTerm
        let documentID: String

        static func < (left: IDKey, right: IDKey) -> Bool {
            (left.term, left.documentID) < (right.term, right.documentID)
        }
    }

    /// A document under a term, in publication order: dated ones by date, then undated ones;
    /// ties by id (the order of `PublicationOrder`, oldest first).
    struct DateKey: Comparable, Sendable {
        let term: ListTerm
        /// The publication date; `nil` sorts after every date.
        let published: String?
        let documentID: String

        static func < (left: DateKey, right: DateKey) -> Bool {
            if left.term != right.term { return left.term < right.term }
            if left.published != right.published {
                guard let leftDate = left.published else { return false }
                guard let rightDate = right.published else { return true }
                return leftDate < rightDate
            }
            return left.documentID < right.documentID
        }
    }

    /// Published dates, inclusive, as `YYYY-MM-DD`; either may be open.
    typealias DateRange = (from: String?, to: String?)

    private var byID: DocumentKeys<IDKey>
    private var byDate: DocumentKeys<DateKey>

    /// The postings of `documents`.
    init(_ documents: some Sequence<Document>) {
        self.byID = DocumentKeys(documents) { document in ListTerm.terms(of: document).map { IDKey(term: $0, documentID: document.id) } }
        self.byDate = DocumentKeys(documents) { document in
            ListTerm.terms(of: document).map { DateKey(term: $0, published: document.published, documentID: document.id) }
        }
    }

    /// Drops `document` from its terms' postings.
    ///
    /// - Complexity: O(*t* log *n*) for a document with *t* terms.
    mutating func remove(_ document: Document) {
        self.byID.remove(document)
        self.byDate.remove(document)
    }

    /// Adds `document` to its terms' postings.
    ///
    /// - Complexity: O(*t* log *n*) for a document with *t* terms.
    mutating func add(_ document: Document) {
        self.byID.add(document)
        self.byDate.add(document)
    }

    /// The ids of the documents with `term`, in id order.
    ///
    /// - Complexity: O(log *n*) to find them and per id read.
    func ids(_ term: ListTerm) -> LazyMapCollection<Range<Int>, String> {
        let byID = self.byID
        return byID.positions(from: IDKey(term: term, documentID: ""), upTo: IDKey(term: term.successor, documentID: "")).lazy.map {
            byID[$0].documentID
        }
    }

    /// How many documents with `term` are published in `dates`, or how many have it at all when
    /// `dates` is `nil`.
    ///
    /// - Complexity: O(log *n*).
    func count(_ term: ListTerm, published dates: DateRange?) -> Int {
        dates.map { self.dated(term, $0).count } ?? self.ids(term).count
    }

    /// The ids of the documents with `term` in publication order, running `direction`: those
    /// published in `dates` or, when `dates` is `nil`, all of them, undated ones last.
    ///
    /// - Complexity: O(log *n*) to find them and per id read.
    func ids(_ term: ListTerm, published dates: DateRange?, _ direction: PublicationOrder.Direction) -> PostingView {
        let undated = self.byDate.positions(
            from: DateKey(term: term, published: nil, documentID: ""), upTo: DateKey(term: term.successor, published: "", documentID: ""))
        return PostingView(
            keys: self.byDate, term: term, dated: self.dated(term, dates ?? (nil, nil)), undated: dates == nil ? undated : 0..<0,
            direction: direction)
    }

    /// The positions of the term's documents published in `dates`.
    private func dated(_ term: ListTerm, _ dates: DateRange) -> Range<Int> {
        self.byDate.positions(
            from: DateKey(term: term, published: dates.from ?? "", documentID: ""),
            upTo: DateKey(term: term, published: dates.to?.successor, documentID: ""))
    }
}
