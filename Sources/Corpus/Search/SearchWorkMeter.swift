/// Counts the work one search does and stops it at its limit, so that no query, however
/// built, costs more than a bounded slice of CPU.
///
/// A unit is one entry visited: an item of a postings list (scored, or looked up in a
/// phrase), a position read while matching a phrase, or a dictionary word read while
/// expanding a prefix or looking for misspellings. Ordinary queries on a large archive spend
/// a small fraction of the default limit; one that asks for every posting of dozens of
/// common words, prefixes or misspellings stops with an error naming the clause it was on.
struct SearchWorkMeter {
    /// Units this search may spend.
    let limit: Int
    /// Units spent so far.
    private(set) var spent = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds `units` spent on `clause`.
    ///
    /// - Throws: `SearchQueryError.tooMuchWork` naming `clause` once the total passes the limit.
    mutating func charge(_ units: Int, for clause: SearchQuery.Clause) throws(SearchQueryError) {
        self.spent += units
        guard self.spent <= self.limit else { throw .tooMuchWork(clause: SearchQuery.render(clause), limit: self.limit) }
    }
}
