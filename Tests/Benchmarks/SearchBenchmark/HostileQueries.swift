import BenchmarkCorpus
import Corpus

/// Queries built to cost as much as the language allows: what a hostile client would send.
/// Each is within the parser's limits (32 clauses, 32-word phrases); the work limit is what
/// keeps them from costing seconds.
struct HostileQueries {
    /// A name for the report, and the query text.
    let queries: [(name: String, text: String)]

    /// The queries, from the vocabulary's most common words.
    init(vocabulary: Vocabulary) {
        let common = Array(vocabulary.words.prefix(SearchQuery.maxClauses))
        let long = vocabulary.words.filter { $0.count >= 9 }.prefix(SearchQuery.maxClauses)
        let letters = "abcdefghijklmnopqrstuvwxyz0123456789".map { String($0) }
        let prefixes = letters.flatMap { first in ["a", "e", "o"].map { first + $0 } }.prefix(SearchQuery.maxClauses)
        let repeated = Array(repeating: common[0], count: SearchQuery.maxPhraseWords).joined(separator: " ")
        self.queries = [
            ("32 most common words", common.joined(separator: " ")),
            ("a common word less 31 others", ([common[0]] + common.dropFirst().map { "-" + $0 }).joined(separator: " ")),
            ("32 two-letter prefixes", prefixes.map { $0 + "*" }.joined(separator: " ")),
            ("32 misspelled long words", long.map { String($0.dropLast()) + "q" }.joined(separator: " ")),
            ("phrase of 32 x '\(common[0])'", "\"\(repeated)\""),
            ("phrase of the 32 most common words", "\"\(common.joined(separator: " "))\""),
        ]
    }
}
