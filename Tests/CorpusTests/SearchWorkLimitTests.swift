@testable import Corpus
import Extraction
import Testing

/// `SearchIndex.search`'s work limit: a query stops, naming its clause, as soon as matching
/// has read more postings and dictionary words than allowed; within the limit nothing changes.
struct SearchWorkLimitTests {
    static let index: SearchIndex = {
        let ingestor = Ingestor()
        return SearchIndex(documents: SearchIndexTests.texts.map { try! ingestor.ingest(text: $0.text, id: $0.id) })
    }()

    /// The work `text` takes with no limit.
    static func work(_ text: String) throws -> Int {
        try Self.index.search(SearchQuery(parsing: text), workLimit: .max).work
    }

    /// The error `text` stops with under `limit`, if it stops.
    static func stop(_ text: String, limit: Int) throws -> SearchQueryError? {
        let query = try SearchQuery(parsing: text)
        do {
            _ = try Self.index.search(query, workLimit: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test func withinTheLimitTheResultsAreTheSame() throws {
        let query = try SearchQuery(parsing: #"karsk flood* "flood walls" -budget"#)
        let cost = try Self.work(query.description)
        #expect(cost > 0)
        let unlimited = try Self.index.search(query, workLimit: .max)
        let limited = try Self.index.search(query, workLimit: cost)
        #expect(limited.hits.map(\.id) == unlimited.hits.map(\.id))
        #expect(limited.work == cost)
    }

    @Test func oneUnitPastTheLimitStopsNamingTheClause() throws {
        let cost = try Self.work("karsk")
        #expect(try Self.stop("karsk", limit: cost - 1) == .tooMuchWork(clause: "karsk", limit: cost - 1))
    }

    /// The clause named is the one being matched when the limit was passed, excluded ones too.
    @Test func theLaterClauseIsNamedWhenTheEarlierFits() throws {
        let first = try Self.work("river")
        #expect(try Self.stop("river karsk", limit: first) == .tooMuchWork(clause: "karsk", limit: first))
        let kept = try Self.work("karsk")
        #expect(try Self.stop("karsk -budget", limit: kept) == .tooMuchWork(clause: "budget", limit: kept))
    }

    @Test func phrasesAndPrefixesAreCharged() throws {
        #expect(try Self.stop(#""export ban""#, limit: 1) == .tooMuchWork(clause: #""export ban""#, limit: 1))
        #expect(try Self.stop("flood*", limit: 1) == .tooMuchWork(clause: "flood*", limit: 1))
    }

    @Test func theErrorSaysWhatToDo() {
        #expect(SearchQueryError.tooMuchWork(clause: "the", limit: 10).description
            == "needs more than 10 postings and dictionary words read (at 'the'); use rarer words, longer prefixes or fewer clauses")
    }
}
