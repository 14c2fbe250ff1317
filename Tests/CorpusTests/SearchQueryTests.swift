import Corpus
import DocumentModel
import Testing

/// `SearchQuery(parsing:)`: the query language, its echo in `description`, every
/// `SearchQueryError`, and pathological input that must be refused or run quickly.
@Suite(.timeLimit(.minutes(1)))
struct SearchQueryTests {
    private func parse(_ text: String) throws -> SearchQuery {
        try SearchQuery(parsing: text)
    }

    /// The error parsing `text` throws, or `nil` when it parses.
    private func error(_ text: String) -> SearchQueryError? {
        do {
            _ = try SearchQuery(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Constructs

    /// Bare words are required words, folded to lower case without accents.
    @Test func bareWordsAreRequiredWords() throws {
        let query = try self.parse("Nickel  EXPORT Tomás")
        #expect(query.required == [.word("nickel"), .word("export"), .word("tomas")])
        #expect(query.excluded.isEmpty)
        #expect(query.description == "nickel export tomas")
    }

    /// A quoted run of words is one phrase clause.
    @Test func quotedWordsAreAPhrase() throws {
        let query = try self.parse(#""Export Ban""#)
        #expect(query.required == [.phrase(["export", "ban"])])
        #expect(query.description == #""export ban""#)
    }

    /// A quoted single word is just that word.
    @Test func quotedSingleWordIsAWord() throws {
        let query = try self.parse(#""nickel""#)
        #expect(query.required == [.word("nickel")])
        #expect(query.description == "nickel")
    }

    /// `-word` excludes a word.
    @Test func minusWordIsAnExclusion() throws {
        let query = try self.parse("nickel -coal")
        #expect(query.required == [.word("nickel")])
        #expect(query.excluded == [.word("coal")])
        #expect(query.description == "nickel -coal")
    }

    /// `-"a phrase"` excludes a phrase.
    @Test func minusPhraseIsAPhraseExclusion() throws {
        let query = try self.parse(#"nickel -"coal mine""#)
        #expect(query.excluded == [.phrase(["coal", "mine"])])
        #expect(query.description == #"nickel -"coal mine""#)
    }

    /// `word*` is a prefix, kept as folded letters (not stemmed).
    @Test func starMakesAPrefix() throws {
        let query = try self.parse("Indones*")
        #expect(query.required == [.prefix("indones")])
        #expect(query.description == "indones*")
    }

    /// A prefix of exactly `minPrefixLength` letters is accepted.
    @Test func prefixOfTheMinimumLengthIsAccepted() throws {
        #expect(try self.parse("un*").required == [.prefix("un")])
        #expect(SearchQuery.minPrefixLength == 2)
    }

    /// A hyphenated word is the phrase of its parts: `jong-un` is `"jong un"`.
    @Test func hyphenatedWordIsAPhrase() throws {
        let query = try self.parse("Kim Jong-un")
        #expect(query.required == [.word("kim"), .phrase(["jong", "un"])])
        #expect(query.description == #"kim "jong un""#)
    }

    /// Every construct together; `description` lists required clauses, then exclusions, in
    /// the language's syntax.
    @Test func descriptionEchoesEveryConstruct() throws {
        let query = try self.parse(#"nickel -coal "export ban" indones* -"open pit" Jong-un"#)
        #expect(query.required == [.word("nickel"), .phrase(["export", "ban"]), .prefix("indones"), .phrase(["jong", "un"])])
        #expect(query.excluded == [.word("coal"), .phrase(["open", "pit"])])
        #expect(query.description == #"nickel "export ban" indones* "jong un" -coal -"open pit""#)
    }

    /// Parsing the description gives the same query back.
    @Test func descriptionParsesToTheSameQuery() throws {
        let query = try self.parse(#"Nickel -COAL "Export  Ban" indones* Jong-un"#)
        #expect(try self.parse(query.description) == query)
    }

    /// Items without letters or digits are ignored, not errors.
    @Test func punctuationItemsAreIgnored() throws {
        let query = try self.parse(#"nickel -- ... "" ! export"#)
        #expect(query.required == [.word("nickel"), .word("export")])
    }

    // MARK: Errors

    /// An empty query has no words.
    @Test func emptyQueryHasNoWords() {
        #expect(self.error("") == .noWords)
    }

    /// A query of whitespace only has no words.
    @Test func whitespaceQueryHasNoWords() {
        #expect(self.error(" \t  \n ") == .noWords)
    }

    /// A query of punctuation only has no words.
    @Test func punctuationQueryHasNoWords() {
        #expect(self.error(#"-- ... "" !?"#) == .noWords)
    }

    /// Only exclusions leave nothing to search for.
    @Test func onlyExclusionsIsAnError() {
        #expect(self.error(#"-coal -"open pit""#) == .onlyExclusions)
    }

    /// A quote that is never closed.
    @Test func unclosedQuoteIsAnError() {
        #expect(self.error(#"nickel "export ban"#) == .unclosedQuote)
        #expect(self.error(#""a b" "c"#) == .unclosedQuote)
    }

    /// `*` alone (or only stars) has no letters before it.
    @Test func bareWildcardIsAnError() {
        #expect(self.error("*") == .bareWildcard)
        #expect(self.error("nickel **") == .bareWildcard)
    }

    /// A one-letter prefix is too short, and the error names the item and the minimum.
    @Test func oneLetterPrefixIsTooShort() {
        #expect(self.error("nickel a*") == .prefixTooShort("a*", minimum: 2))
    }

    /// `*` may only end a single word: `a-b*` and `x*y*` are invalid prefixes, named as written.
    @Test func starAfterSeveralWordsIsAnInvalidPrefix() {
        #expect(self.error("a-b*") == .invalidPrefix("a-b*"))
        #expect(self.error("x*y*") == .invalidPrefix("x*y*"))
    }

    /// 32 clauses are allowed; the 33rd is one too many.
    @Test func thirtyThreeClausesAreTooMany() throws {
        let words = (0..<33).map { "word\($0)" }
        #expect(try self.parse(words.prefix(32).joined(separator: " ")).required.count == 32)
        #expect(self.error(words.joined(separator: " ")) == .tooManyClauses(limit: SearchQuery.maxClauses))
        #expect(SearchQuery.maxClauses == 32)
    }

    /// A phrase of 32 words is allowed; one of 33 is refused, naming its first words, and so
    /// is a hyphenated run that long.
    @Test func phrasesOfMoreThanThirtyTwoWordsAreRefused() throws {
        let words = Array(repeating: "the", count: 33)
        #expect(try self.parse("\"" + words.prefix(32).joined(separator: " ") + "\"").required.count == 1)
        #expect(self.error("\"" + words.joined(separator: " ") + "\"") == .phraseTooLong("the the the the …", limit: SearchQuery.maxPhraseWords))
        #expect(self.error(words.joined(separator: "-")) == .phraseTooLong("the the the the …", limit: 32))
        #expect(SearchQueryError.phraseTooLong("a b c d …", limit: 32).description == #"has the phrase "a b c d …" of more than 32 words"#)
    }

    /// Exclusions count towards the clause limit.
    @Test func exclusionsCountTowardsTheLimit() {
        let text = (0..<20).map { "word\($0)" }.joined(separator: " ") + " " + (0..<13).map { "-other\($0)" }.joined(separator: " ")
        #expect(self.error(text) == .tooManyClauses(limit: 32))
    }

    /// Each error's description says what is wrong, for the problem's `detail`.
    @Test func errorDescriptionsSayWhatIsWrong() {
        #expect(SearchQueryError.noWords.description == "has no words to search for")
        #expect(SearchQueryError.onlyExclusions.description == "only excludes words; add at least one word to search for")
        #expect(SearchQueryError.unclosedQuote.description == "has a '\"' that is not closed")
        #expect(SearchQueryError.bareWildcard.description == "has a '*' with no letters before it")
        #expect(SearchQueryError.prefixTooShort("a*", minimum: 2).description == "has the prefix 'a*'; a prefix needs at least 2 letters before '*'")
        #expect(SearchQueryError.invalidPrefix("a-b*").description == "has 'a-b*'; '*' may only end a single word")
        #expect(SearchQueryError.tooManyClauses(limit: 32).description == "has more than 32 words, phrases and exclusions")
    }

    // MARK: Pathological input

    /// 500 words are refused as too many clauses (and quickly: the test has a time limit).
    @Test func fiveHundredWordsAreRefused() {
        let text = (0..<500).map { "word\($0)" }.joined(separator: " ")
        #expect(self.error(text) == .tooManyClauses(limit: 32))
    }

    /// 300 quoted phrases are refused as too many clauses.
    @Test func threeHundredPhrasesAreRefused() {
        let text = (0..<300).map { #""alpha\#($0) beta\#($0)""# }.joined(separator: " ")
        #expect(self.error(text) == .tooManyClauses(limit: 32))
    }

    /// A 10,000-character word parses to one word cut to the longest indexed word, and a
    /// search for it completes with no hits.
    @Test func tenThousandCharacterWordParsesAndSearches() throws {
        let word = String(repeating: "x", count: 10_000)
        let query = try self.parse(word)
        #expect(query.required == [.word(String(repeating: "x", count: 64))])
        let index = SearchIndex(documents: [SearchCorpus.document("d", title: "Title", body: ["Some body text here."])])
        #expect(try index.search(query).total == 0)
    }

    /// A 10,000-character word followed by `*` is a prefix of the cut word; it searches quickly.
    @Test func tenThousandCharacterPrefixParsesAndSearches() throws {
        let query = try self.parse(String(repeating: "y", count: 10_000) + "*")
        #expect(query.required == [.prefix(String(repeating: "y", count: 64))])
        let index = SearchIndex(documents: [SearchCorpus.document("d", title: "Title", body: ["Some body text here."])])
        #expect(try index.search(query).total == 0)
    }

    /// A hyphenated run of 3,000 words is one phrase far past the limit: refused at once,
    /// never searched (each of its words would cost a lookup in every item holding it).
    @Test func longHyphenatedPhraseIsRefused() {
        #expect(self.error(Array(repeating: "harbour", count: 3_000).joined(separator: "-")) == .phraseTooLong("harbour harbour harbour harbour …", limit: 32))
    }

    /// A phrase of the same word 32 times over a text of that word matches: a repeated word
    /// is looked up once per item.
    @Test func phraseOfOneRepeatedWordMatches() throws {
        let query = try self.parse("\"" + Array(repeating: "harbour", count: 32).joined(separator: " ") + "\"")
        let index = SearchIndex(documents: [
            SearchCorpus.document("d", title: "Harbour harbour", body: [Array(repeating: "harbour", count: 200).joined(separator: " ")])
        ])
        #expect(try index.search(query).total == 1)
    }

    /// 10,000 quote marks (5,000 empty phrases) parse as having no words; one more is unclosed.
    @Test func manyQuoteMarksAreBounded() {
        #expect(self.error(String(repeating: "\"", count: 10_000)) == .noWords)
        #expect(self.error(String(repeating: "\"", count: 10_001)) == .unclosedQuote)
    }

    /// 32 typo-tolerant nine-letter words over a corpus with many distinct words complete.
    @Test func manyFuzzyWordsComplete() throws {
        let words = SearchCorpus.filler(2_000)
        let index = SearchIndex(documents: (0..<20).map { number in
            SearchCorpus.document("d\(number)", title: "Report \(number)", body: [words[(number * 100)..<(number * 100 + 100)].joined(separator: " ")])
        })
        let query = try self.parse((0..<32).map { "parlament\($0 % 10)" }.joined(separator: " "))
        #expect(try index.search(query).total == 0)
    }
}
