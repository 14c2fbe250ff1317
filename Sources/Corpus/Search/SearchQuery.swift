import DocumentModel

/// A parsed search query: the clauses every hit must match and those no hit may match.
///
/// The language: bare words (all must match), `"a phrase"` (its words in order), `-word` and
/// `-"a phrase"` (excluded), and `word*` (any word starting so). Words of five letters or
/// more also match their misspellings (one edit; two from nine letters). A hyphenated word is
/// a phrase of its parts: `jong-un` is `"jong un"`.
///
/// ```swift
/// let query = try SearchQuery(parsing: #"nickel "export ban" -coal indones*"#)
/// ```
public struct SearchQuery: Sendable, Hashable, CustomStringConvertible {
    /// One thing a hit must (or must not) contain.
    public enum Clause: Sendable, Hashable {
        /// A word, with typo tolerance from five letters.
        case word(String)
        /// Words in this order.
        case phrase([String])
        /// Any word starting with these letters.
        case prefix(String)
    }

    /// Most clauses a query may have.
    public static let maxClauses = 32
    /// Most words a phrase may have: matching a phrase costs a lookup per word in every item
    /// holding its rarest word, and a quoted paragraph of common words would cost seconds.
    public static let maxPhraseWords = 32
    /// Fewest letters before `*`.
    public static let minPrefixLength = 2

    /// The clauses every hit matches.
    public let required: [Clause]
    /// The clauses no hit matches.
    public let excluded: [Clause]

    /// Parses a query.
    ///
    /// - Throws: `SearchQueryError` naming what is wrong.
    public init(parsing text: String) throws(SearchQueryError) {
        var required: [Clause] = []
        var excluded: [Clause] = []
        // Scalars, not `Character`s: a space or a quote followed by a combining mark is one
        // `Character`, and the query must read its words as `SearchToken.scan` reads documents.
        var rest = Substring(text).unicodeScalars
        while true {
            rest = rest.drop { $0.properties.isWhitespace }
            guard let first = rest.first else { break }
            let isExcluded = first == "-"
            if isExcluded { rest = rest.dropFirst() }
            let clause: Clause?
            if rest.first == "\"" {
                guard let close = rest.dropFirst().firstIndex(of: "\"") else { throw .unclosedQuote }
                clause = try Self.phrase(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                let item = rest.prefix { !$0.properties.isWhitespace }
                rest = rest[item.endIndex...]
                clause = try Self.clause(item)
            }
            guard let clause else { continue }
            if isExcluded { excluded.append(clause) } else { required.append(clause) }
            guard required.count + excluded.count <= Self.maxClauses else { throw .tooManyClauses(limit: Self.maxClauses) }
        }
        guard !required.isEmpty else { throw excluded.isEmpty ? .noWords : .onlyExclusions }
        self.required = required
        self.excluded = excluded
    }

    /// A bare item: a prefix, a word, or (hyphenated) a phrase; `nil` if it has no letters or digits.
    private static func clause(_ item: Substring.UnicodeScalarView) throws(SearchQueryError) -> Clause? {
        guard item.last == "*" else { return try self.phrase(item) }
        let stem = item.dropLast()
        let tokens = SearchToken.scan(String(stem))
        if tokens.isEmpty && stem.allSatisfy({ $0 == "*" }) { throw .bareWildcard }
        guard tokens.count == 1, let token = tokens.first, token.end == stem.count else {
            throw .invalidPrefix(String(item))
        }
        guard token.folded.count >= Self.minPrefixLength else { throw .prefixTooShort(String(item), minimum: Self.minPrefixLength) }
        return .prefix(token.folded)
    }

    /// The words of a quoted or bare item: one word, a phrase, or nothing.
    private static func phrase(_ text: Substring.UnicodeScalarView) throws(SearchQueryError) -> Clause? {
        let words = SearchToken.scan(String(text)).map(\.folded)
        guard words.count <= Self.maxPhraseWords else {
            throw .phraseTooLong(String(words.prefix(4).joined(separator: " ")) + " …", limit: Self.maxPhraseWords)
        }
        switch words.count {
        case 0: return nil
        case 1: return .word(words[0])
        default: return .phrase(words)
        }
    }

    /// The query as parsed, in the language's own syntax (echoed in search results).
    public var description: String {
        (self.required.map(Self.render) + self.excluded.map { "-" + Self.render($0) }).joined(separator: " ")
    }

    /// A clause in the language's own syntax.
    static func render(_ clause: Clause) -> String {
        switch clause {
        case .word(let word): return word
        case .phrase(let words): return "\"" + words.joined(separator: " ") + "\""
        case .prefix(let prefix): return prefix + "*"
        }
    }
}

/// Why a query cannot be run.
public enum SearchQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No word at all.
    case noWords
    /// Only excluded words: nothing to search for.
    case onlyExclusions
    /// A `"` without its closing `"`.
    case unclosedQuote
    /// `*` with no letters before it.
    case bareWildcard
    /// A prefix with too few letters.
    case prefixTooShort(String, minimum: Int)
    /// A `*` that does not end a single word (`a-b*`, `x*y*`).
    case invalidPrefix(String)
    /// More clauses than allowed.
    case tooManyClauses(limit: Int)
    /// A phrase (its first words given) with more words than allowed.
    case phraseTooLong(String, limit: Int)
    /// Matching needed more work than a search may do (`SearchWorkMeter`); `clause` is the one
    /// being matched when the limit was passed.
    case tooMuchWork(clause: String, limit: Int)

    /// What is wrong, for a problem's `detail`.
    public var description: String {
        switch self {
        case .noWords: return "has no words to search for"
        case .onlyExclusions: return "only excludes words; add at least one word to search for"
        case .unclosedQuote: return "has a '\"' that is not closed"
        case .bareWildcard: return "has a '*' with no letters before it"
        case .prefixTooShort(let item, let minimum): return "has the prefix '\(item)'; a prefix needs at least \(minimum) letters before '*'"
        case .invalidPrefix(let item): return "has '\(item)'; '*' may only end a single word"
        case .tooManyClauses(let limit): return "has more than \(limit) words, phrases and exclusions"
        case .phraseTooLong(let start, let limit): return "has the phrase \"\(start)\" of more than \(limit) words"
        case .tooMuchWork(let clause, let limit):
            return "needs more than \(limit) postings and dictionary words read (at '\(clause)'); use rarer words, longer prefixes or fewer clauses"
        }
    }
}
