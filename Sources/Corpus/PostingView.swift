/// A term's documents in publication order, read from its oldest-first posting: the dated
/// ones in `dated`, then the undated ones in `undated` (both positions of that posting;
/// `dated` holds whole dates, as a range of dates does).
///
/// Newest first is the oldest-first posting with its dates in reverse but each date's
/// documents still by id: the document at a position is found in its date's run, which two
/// lookups bound, so one index serves both orders.
struct PostingView: RandomAccessCollection, Sendable {
    let keys: DocumentKeys<DocumentPostings.DateKey>
    let term: ListTerm
    let dated: Range<Int>
    let undated: Range<Int>
    let direction: PublicationOrder.Direction

    /// 0.
    var startIndex: Int { 0 }
    /// The number of documents.
    var endIndex: Int { self.dated.count + self.undated.count }

    /// The id of the document at `position`.
    ///
    /// - Complexity: O(log *n*).
    subscript(position: Int) -> String {
        precondition(position >= 0 && position < self.endIndex, "position \(position) out of range")
        guard position < self.dated.count else { return self.keys[self.undated.lowerBound + position - self.dated.count].documentID }
        guard self.direction == .newestFirst else { return self.keys[self.dated.lowerBound + position].documentID }
        // The run of the date at the mirrored position comes, newest first, right after the
        // runs of later dates; within it the order is the oldest-first one.
        let date = self.keys[self.dated.upperBound - 1 - position].published ?? ""
        let run = self.keys.positions(
            from: DocumentPostings.DateKey(term: self.term, published: date, documentID: ""),
            upTo: DocumentPostings.DateKey(term: self.term, published: date.successor, documentID: ""))
        let laterDates = self.dated.upperBound - run.upperBound
        return self.keys[run.lowerBound + position - laterDates].documentID
    }
}
