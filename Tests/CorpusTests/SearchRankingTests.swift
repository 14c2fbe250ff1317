import Corpus
import DocumentModel
import Foundation
import Testing

/// `SearchIndex.search`: what matches, in which order, with which filters and facets, on
/// small hand-made corpora whose order can be worked out by hand.
@Suite(.timeLimit(.minutes(1)))
struct SearchRankingTests {
    private typealias C = SearchCorpus

    private func ids(_ documents: [Document], _ query: String, filter: SearchFilter = SearchFilter()) throws -> [String] {
        try C.ids(SearchIndex(documents: documents), query, filter: filter)
    }

    private func hits(_ documents: [Document], _ query: String, filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        try SearchIndex(documents: documents).search(SearchQuery(parsing: query), filter: filter, limit: 100).hits
    }

    // MARK: BM25

    /// Of two bodies of the same length, the one that repeats the word ranks first.
    @Test func frequentTermOutranksASingleMention() throws {
        let documents = [
            C.document("once", title: "Port update", body: ["Dredging began at dawn. Crews stopped at noon. Work resumes on Friday."]),
            C.document("thrice", title: "Port works", body: ["Dredging began at dawn. Dredging stopped at noon. Dredging resumes on Friday."]),
        ]
        let hits = try self.hits(documents, "dredging")
        #expect(hits.map(\.id) == ["thrice", "once"])
        #expect(hits[0].score > hits[1].score)
    }

    /// Of two documents that mention the word once, the short one ranks above the long one.
    @Test func shortDocumentOutranksALongOne() throws {
        let documents = [
            C.document("long", title: "Port update", body: ["The dredging began. " + C.filler(60).joined(separator: " ") + "."]),
            C.document("short", title: "Port works", body: ["The dredging began."]),
        ]
        let hits = try self.hits(documents, "dredging")
        #expect(hits.map(\.id) == ["short", "long"])
        #expect(hits[0].score > hits[1].score)
    }

    /// Every hit has a positive score, and hits come in non-increasing score order among exact matches.
    @Test func scoresArePositiveAndDescending() throws {
        let documents = (0..<8).map { number in
            C.document("d\(number)", title: "Report \(number)", body: [(Array(repeating: "salinity", count: number + 1) + C.filler(10 * number)).joined(separator: " ")])
        }
        let hits = try self.hits(documents, "salinity")
        #expect(hits.count == 8)
        #expect(hits.allSatisfy { $0.score > 0 })
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    /// A word in the title outweighs the same word in a body of similar length.
    @Test func titleMatchOutranksABodyMatch() throws {
        let documents = [
            C.document("body", title: "Island notes", body: ["Jan Vos kept the lighthouse for forty years on the island."]),
            C.document("title", title: "Lighthouse keeper retires", body: ["Jan Vos kept the light for forty years on the island."]),
        ]
        #expect(try self.ids(documents, "lighthouse") == ["title", "body"])
    }

    // MARK: Exact before fuzzy

    /// A document with the word as written ranks above one that only has a misspelling, even
    /// when the misspelled one scores higher; `isExact` tells them apart.
    @Test func exactMatchOutranksAHigherScoringFuzzyMatch() throws {
        let documents = [
            C.document("misspelt", title: "Tungstan tungstan tungstan", body: ["Tungstan prices."]),
            C.document("exact", title: "Mining notes", body: ["Output of tungsten rose slightly this year, along with many other metals mined in the northern provinces of the country."]),
        ]
        let hits = try self.hits(documents, "tungsten")
        #expect(hits.map(\.id) == ["exact", "misspelt"])
        #expect(hits.map(\.isExact) == [true, false])
        #expect(hits[1].score > hits[0].score)
    }

    /// A hit is exact only if every required word matched as written.
    @Test func oneMisspeltWordMakesTheHitInexact() throws {
        let documents = [C.document("d", title: "Tungsten exports", body: ["Tungsten shipments to the smeltery rose."])]
        let hits = try self.hits(documents, "tungsten smeltery")
        #expect(hits.first?.isExact == true)
        let fuzzy = try self.hits(documents, "tungsten smeltary")
        #expect(fuzzy.map(\.id) == ["d"])
        #expect(fuzzy.first?.isExact == false)
    }

    // MARK: Ties

    /// Equal scores go to the more recently published document first.
    @Test func tiesGoToTheNewerDocument() throws {
        let documents = [("alpha", "2020-01-01"), ("bravo", "2024-05-01"), ("charlie", "2022-07-15")].map {
            C.document($0.0, title: "Canal reopens", body: ["The canal reopened to barges."], published: $0.1)
        }
        let hits = try self.hits(documents, "canal")
        #expect(hits.map(\.id) == ["bravo", "charlie", "alpha"])
        #expect(Set(hits.map(\.score)).count == 1)
    }

    /// Equal scores on the same day go to the smaller id first.
    @Test func sameDayTiesGoToTheSmallerID() throws {
        let documents = ["zulu", "alpha", "mike"].map {
            C.document($0, title: "Canal reopens", body: ["The canal reopened to barges."], published: "2024-05-01")
        }
        #expect(try self.ids(documents, "canal") == ["alpha", "mike", "zulu"])
    }

    /// Among equal scores, undated documents come after dated ones (then by id).
    @Test func undatedTiesComeLast() throws {
        let documents = [
            C.document("aaa", title: "Canal reopens", body: ["The canal reopened to barges."]),
            C.document("zzz", title: "Canal reopens", body: ["The canal reopened to barges."], published: "1999-01-01"),
            C.document("bbb", title: "Canal reopens", body: ["The canal reopened to barges."]),
        ]
        #expect(try self.ids(documents, "canal") == ["zzz", "aaa", "bbb"])
    }

    // MARK: Matching

    /// Every word must match: documents with only one of them are not hits.
    @Test func everyWordMustMatch() throws {
        let documents = [
            C.document("both", title: "Smelter", body: ["The copper smelter closed."]),
            C.document("copper", title: "Prices", body: ["Copper prices rose."]),
            C.document("smelter", title: "Jobs", body: ["The smelter hired staff."]),
        ]
        #expect(try self.ids(documents, "copper smelter") == ["both"])
    }

    /// A phrase matches its words in the order given only.
    @Test func phraseMatchesInOrder() throws {
        let documents = [
            C.document("in-order", title: "Ore", body: ["An export ban on ore."]),
            C.document("reversed", title: "Ore", body: ["A ban on export of ore."]),
        ]
        #expect(try self.ids(documents, #""export ban""#) == ["in-order"])
        #expect(Set(try self.ids(documents, "export ban")) == ["in-order", "reversed"])
    }

    /// A phrase's words must be adjacent.
    @Test func phraseNeedsAdjacentWords() throws {
        let documents = [
            C.document("adjacent", title: "Ore", body: ["The export ban starts."]),
            C.document("apart", title: "Ore", body: ["The export of the ban starts."]),
        ]
        #expect(try self.ids(documents, #""export ban""#) == ["adjacent"])
    }

    /// A phrase matches other forms of its words ("exports banned" for "export ban").
    @Test func phraseMatchesStemmedForms() throws {
        let documents = [C.document("d", title: "Ore", body: ["Nickel exports banned from May."])]
        #expect(try self.ids(documents, #""export ban""#) == ["d"])
    }

    /// A phrase does not match the last word of one paragraph and the first of the next.
    @Test func phraseDoesNotSpanParagraphs() throws {
        let documents = [C.document("d", title: "Ore", body: ["Ministers discussed the export", "Ban talks continue on Friday."])]
        #expect(try self.ids(documents, #""export ban""#).isEmpty)
        #expect(try self.ids(documents, "export ban") == ["d"])
    }

    /// A phrase does not match the title's last word and the body's first.
    @Test func phraseDoesNotSpanTitleAndBody() throws {
        let documents = [C.document("d", title: "Ministers weigh export", body: ["Ban talks continue on Friday."])]
        #expect(try self.ids(documents, #""export ban""#).isEmpty)
        #expect(try self.ids(documents, "export ban") == ["d"])
    }

    /// A phrase matches inside the title.
    @Test func phraseMatchesInTheTitle() throws {
        let documents = [C.document("d", title: "Nickel export ban extended", body: ["Officials spoke on Friday."])]
        #expect(try self.ids(documents, #""export ban""#) == ["d"])
    }

    /// `-word` removes the documents containing the word.
    @Test func excludedWordRemovesDocuments() throws {
        let documents = [
            C.document("coal-mine", title: "Mine", body: ["The coal mine closes."]),
            C.document("gold-mine", title: "Mine", body: ["The gold mine opens."]),
        ]
        #expect(try self.ids(documents, "mine -coal") == ["gold-mine"])
    }

    /// `-"a phrase"` removes only documents with the phrase, not those with its words apart.
    @Test func excludedPhraseRemovesOnlyThePhrase() throws {
        let documents = [
            C.document("phrase", title: "Mine", body: ["The coal mine closes."]),
            C.document("apart", title: "Mine", body: ["Coal from the mine is shipped."]),
            C.document("neither", title: "Mine", body: ["The mine opens."]),
        ]
        #expect(Set(try self.ids(documents, #"mine -"coal mine""#)) == ["apart", "neither"])
    }

    /// An excluded word is stemmed like any other: `-floods` removes a document about flooding.
    @Test func exclusionIsStemmed() throws {
        let documents = [
            C.document("flooding", title: "River", body: ["The river is flooding the valley."]),
            C.document("dry", title: "River", body: ["The river runs dry."]),
        ]
        #expect(try self.ids(documents, "river -floods") == ["dry"])
    }

    /// An excluded prefix removes the documents with any word it starts.
    @Test func excludedPrefixRemovesDocuments() throws {
        let documents = [
            C.document("coal", title: "Energy", body: ["Coal output fell."]),
            C.document("coastal", title: "Energy", body: ["Coastal wind output fell."]),
            C.document("solar", title: "Energy", body: ["Solar output rose."]),
        ]
        #expect(try self.ids(documents, "output -coa*") == ["solar"])
    }

    /// Excluding an entity's name excludes the documents that mention it by another name:
    /// `-DPRK` removes the story that only says "North Korea".
    @Test func excludingAnEntityNameExcludesItsOtherNames() throws {
        let index = SearchIndex(documents: try C.ingest(C.stories))
        #expect(Set(try C.ids(index, "said")).contains("kp-talks"))
        let ids = try C.ids(index, "said -DPRK")
        #expect(!ids.contains("kp-talks"))
        #expect(!ids.contains("dprk-launch"))
        #expect(ids.contains("unep-report"))
    }

    /// Case and accents do not matter: "TOMÁS" finds "Tomas", and "tomas" finds "Tomás".
    @Test func caseAndAccentsAreIgnored() throws {
        let documents = [
            C.document("plain", title: "Envoy", body: ["Envoy Tomas Quintana spoke."]),
            C.document("accented", title: "Envoy", body: ["Envoy Tomás Quintana spoke."]),
        ]
        #expect(Set(try self.ids(documents, "TOMÁS")) == ["plain", "accented"])
        #expect(Set(try self.ids(documents, "tomas")) == ["plain", "accented"])
    }

    /// A hyphenated query word matches the words hyphenated or spaced, in that order only.
    @Test func hyphenatedQueryMatchesHyphenatedAndSpacedText() throws {
        let documents = [
            C.document("hyphen", title: "Leader", body: ["Kim Jong-un spoke."]),
            C.document("spaced", title: "Leader", body: ["Kim Jong un spoke."]),
            C.document("reversed", title: "Leader", body: ["Un Jong spoke."]),
        ]
        #expect(Set(try self.ids(documents, "Jong-un")) == ["hyphen", "spaced"])
    }

    /// A prefix matches every word it starts.
    @Test func prefixMatchesWordsItStarts() throws {
        let documents = [
            C.document("indonesia", title: "Nickel", body: ["Indonesia bans exports."]),
            C.document("indonesian", title: "Nickel", body: ["Indonesian miners protest."]),
            C.document("india", title: "Nickel", body: ["India buys ore."]),
        ]
        #expect(Set(try self.ids(documents, "indones*")) == ["indonesia", "indonesian"])
    }

    /// A prefix matches words by how they are written, not only by their stems: `plann*`
    /// finds "planning" (stem `plan`) and `housin*` finds "housing" (stem `hous`).
    @Test func prefixMatchesTheWrittenWordNotOnlyItsStem() throws {
        let documents = [
            C.document("planning", title: "Council", body: ["Planning permission was refused."]),
            C.document("housing", title: "Council", body: ["Housing costs rose."]),
        ]
        #expect(try self.ids(documents, "plann*") == ["planning"])
        #expect(try self.ids(documents, "housin*") == ["housing"])
    }

    // MARK: Typo tolerance

    /// A five-letter word matches a one-edit misspelling, as an inexact hit.
    @Test func fiveLetterWordToleratesOneEdit() throws {
        let hits = try self.hits([C.document("d", title: "Coast", body: ["A tidal surge hit the coast."])], "tidel")
        #expect(hits.map(\.id) == ["d"])
        #expect(hits.first?.isExact == false)
    }

    /// An eight-letter word matches a one-edit misspelling.
    @Test func eightLetterWordToleratesOneEdit() throws {
        #expect(try self.ids([C.document("d", title: "Metals", body: ["Tungsten output rose."])], "tungstem") == ["d"])
    }

    /// Below nine letters two edits are too many.
    @Test func eightLetterWordDoesNotTolerateTwoEdits() throws {
        let documents = [C.document("d", title: "Metals", body: ["Tungsten output rose at the quorum."])]
        #expect(try self.ids(documents, "tangstem").isEmpty)
        #expect(try self.ids(documents, "qaorun").isEmpty)
    }

    /// Two adjacent letters swapped are one edit, the commonest typing slip.
    @Test func swappedLettersAreOneEdit() throws {
        let documents = [C.document("d", title: "Metals", body: ["Tungsten output rose at the quorum."])]
        #expect(try self.ids(documents, "qourum") == ["d"])
        #expect(try self.ids(documents, "tugnsten") == ["d"])
    }

    /// From nine letters, two edits are tolerated.
    @Test func nineLetterWordToleratesTwoEdits() throws {
        let documents = [C.document("d", title: "Water", body: ["The reservoir is full and parliament met."])]
        #expect(try self.ids(documents, "reservior") == ["d"])
        #expect(try self.ids(documents, "parlaiment") == ["d"])
    }

    /// Three edits are never tolerated.
    @Test func threeEditsAreNeverTolerated() throws {
        let documents = [C.document("d", title: "Vote", body: ["The parliament met."])]
        #expect(try self.ids(documents, "porlaimant").isEmpty)
    }

    /// Four-letter words must match as written (after stemming).
    @Test func fourLetterWordsHaveNoTypoTolerance() throws {
        let documents = [C.document("d", title: "Energy", body: ["The coal plant closed."])]
        #expect(try self.ids(documents, "coil").isEmpty)
        #expect(try self.ids(documents, "coal") == ["d"])
    }

    /// Numbers must match exactly, however long.
    @Test func numbersHaveNoTypoTolerance() throws {
        let documents = [C.document("d", title: "Turnout", body: ["Turnout was 123456 voters."])]
        #expect(try self.ids(documents, "123457").isEmpty)
        #expect(try self.ids(documents, "123456") == ["d"])
    }

    /// Typo tolerance counts letters, not bytes: one substituted letter in a six-letter
    /// Cyrillic word is one edit.
    @Test func typoToleranceCountsLettersNotBytes() throws {
        let documents = [C.document("d", title: "Погода", body: ["В Москва идёт снег."])]
        #expect(try self.ids(documents, "Мрсква") == ["d"])
    }

    // MARK: Entities

    /// An acronym finds a document that spells the organization out: "UNEP" finds the story
    /// that only says "United Nations Environment Programme", and says it matched the entity.
    @Test func acronymFindsTheSpelledOutName() throws {
        let index = SearchIndex(documents: try C.ingest(C.stories))
        let hits = try index.search(SearchQuery(parsing: "UNEP")).hits
        #expect(Set(hits.map(\.id)) == ["unep-report", "plastic-treaty"])
        #expect(hits.first { $0.id == "plastic-treaty" }?.matchedEntities == ["united-nations-environment-programme"])
    }

    /// A country's alias finds a document that only uses its common name: "DPRK" finds the
    /// story that only says "North Korea", and says it matched `north-korea`.
    @Test func countryAliasFindsTheCommonName() throws {
        let index = SearchIndex(documents: try C.ingest(C.stories))
        let hits = try index.search(SearchQuery(parsing: "DPRK")).hits
        #expect(Set(hits.map(\.id)) == ["kp-talks", "dprk-launch"])
        #expect(hits.first { $0.id == "kp-talks" }?.matchedEntities == ["north-korea"])
    }

    /// A quoted name finds documents that use only another name of the entity.
    @Test func quotedNameFindsOtherNames() throws {
        let index = SearchIndex(documents: try C.ingest(C.stories))
        let hits = try index.search(SearchQuery(parsing: #""North Korea""#)).hits
        #expect(Set(hits.map(\.id)) == ["kp-talks", "dprk-launch"])
        #expect(hits.first { $0.id == "dprk-launch" }?.matchedEntities == ["north-korea"])
    }

    /// A gazetteer alias finds the country even when no document uses that alias: "DPRK"
    /// finds the story that only says "North Korea".
    @Test func gazetteerAliasFindsACountryNoDocumentCallsSo() throws {
        let documents = try C.ingest(C.stories.filter { $0.id != "dprk-launch" })
        let hits = try SearchIndex(documents: documents).search(SearchQuery(parsing: "DPRK")).hits
        #expect(hits.map(\.id) == ["kp-talks"])
        #expect(hits.first?.matchedEntities == ["north-korea"])
    }

    /// A query that names no entity matches none: `matchedEntities` is empty.
    @Test func plainWordsMatchNoEntities() throws {
        let index = SearchIndex(documents: try C.ingest(C.stories))
        let hits = try index.search(SearchQuery(parsing: "missile")).hits
        #expect(hits.map(\.id) == ["dprk-launch"])
        #expect(hits.first?.matchedEntities == [])
    }

    // MARK: Filters

    /// A small corpus with two sources (and one without), both kinds, three years and entities.
    private static func filterCorpus() -> [Document] {
        func document(_ id: String, _ source: String?, _ published: String?, kind: DocumentKind = .newsArticle, _ body: String) -> Document {
            var entities: [Entity] = []
            if body.contains("Karsk") { entities.append(C.entity("karsk", name: "Karsk", kind: .location, in: [body])) }
            if body.contains("Ilse Brandt") { entities.append(C.entity("ilse-brandt", name: "Ilse Brandt", kind: .person, in: [body])) }
            return C.document(id, title: "Reservoir news", body: [body], published: published, source: source, kind: kind, entities: entities)
        }
        return [
            document("a1", "AFP", "2022-03-01", "The reservoir in Karsk is full."),
            document("a2", "AFP", "2023-06-30", "Mayor Ilse Brandt visited the reservoir."),
            document("a3", "AFP", "2024-01-01", "The reservoir in Karsk was drained, Ilse Brandt said."),
            document("r1", "Reuters", "2024-01-31", "A reservoir opened."),
            document("r2", "Reuters", "2024-02-01", "The Karsk reservoir leaks."),
            document("p1", "Karsk Water Board", "2023-12-31", kind: .pressRelease, "The Karsk Water Board fills the reservoir."),
            document("u1", nil, nil, "An undated note on the reservoir."),
        ]
    }

    /// The source filter compares folded: `afp`, `AFP` and ` Afp ` select the same documents.
    @Test func sourceFilterIgnoresCase() throws {
        let documents = Self.filterCorpus()
        for source in ["afp", "AFP", "Afp"] {
            #expect(Set(try self.ids(documents, "reservoir", filter: SearchFilter(source: source))) == ["a1", "a2", "a3"])
        }
    }

    /// The kind filter keeps only that kind.
    @Test func kindFilterKeepsThatKind() throws {
        #expect(try self.ids(Self.filterCorpus(), "reservoir", filter: SearchFilter(kind: .pressRelease)) == ["p1"])
    }

    /// `from` and `to` are inclusive, and undated documents never pass a date filter.
    @Test func dateFilterIsInclusiveAndDropsUndated() throws {
        let filter = SearchFilter(from: CalendarDate(parsing: "2024-01-01"), to: CalendarDate(parsing: "2024-01-31"))
        #expect(Set(try self.ids(Self.filterCorpus(), "reservoir", filter: filter)) == ["a3", "r1"])
        let from = SearchFilter(from: CalendarDate(parsing: "2023-12-31"))
        #expect(Set(try self.ids(Self.filterCorpus(), "reservoir", filter: from)) == ["a3", "r1", "r2", "p1"])
    }

    /// The entity filter keeps the documents mentioning the entity.
    @Test func entityFilterKeepsDocumentsMentioningIt() throws {
        #expect(Set(try self.ids(Self.filterCorpus(), "reservoir", filter: SearchFilter(entity: "ilse-brandt"))) == ["a2", "a3"])
    }

    /// The document filter keeps that document only.
    @Test func documentFilterKeepsThatDocument() throws {
        #expect(try self.ids(Self.filterCorpus(), "reservoir", filter: SearchFilter(document: "r2")) == ["r2"])
        #expect(try self.ids(Self.filterCorpus(), "reservoir", filter: SearchFilter(document: "nope")).isEmpty)
    }

    /// Filters combine: all must pass.
    @Test func filtersCombine() throws {
        let filter = SearchFilter(source: "afp", from: CalendarDate(parsing: "2023-01-01"), entity: "karsk")
        #expect(try self.ids(Self.filterCorpus(), "reservoir", filter: filter) == ["a3"])
    }

    // MARK: Facets, totals, paging

    /// Each facet value's count is the total of the search filtered to that value: by
    /// source, kind, year (from Jan 1 to Dec 31) and entity.
    @Test func facetCountsEqualFilteredTotals() throws {
        let index = SearchIndex(documents: Self.filterCorpus())
        let query = try SearchQuery(parsing: "reservoir")
        let facets = try index.search(query).facets
        #expect(facets.sources.map(\.count).reduce(0, +) == 6)
        for count in facets.sources {
            #expect(try index.search(query, filter: SearchFilter(source: count.value)).total == count.count, "source \(count.value)")
        }
        for count in facets.kinds {
            #expect(try index.search(query, filter: SearchFilter(kind: DocumentKind(rawValue: count.value))).total == count.count, "kind \(count.value)")
        }
        for count in facets.years {
            let filter = SearchFilter(from: CalendarDate(parsing: count.value + "-01-01"), to: CalendarDate(parsing: count.value + "-12-31"))
            #expect(try index.search(query, filter: filter).total == count.count, "year \(count.value)")
        }
        for count in facets.entities {
            #expect(try index.search(query, filter: SearchFilter(entity: count.value)).total == count.count, "entity \(count.value)")
        }
    }

    /// Facets are ordered: sources and kinds most first (then by value), years newest first,
    /// entities most first with their names.
    @Test func facetsAreOrdered() throws {
        let facets = try SearchIndex(documents: Self.filterCorpus()).search(SearchQuery(parsing: "reservoir")).facets
        #expect(facets.sources.map { "\($0.value)=\($0.count)" } == ["AFP=3", "Reuters=2", "Karsk Water Board=1"])
        #expect(facets.kinds.map { "\($0.value)=\($0.count)" } == ["news-article=6", "press-release=1"])
        #expect(facets.years.map { "\($0.value)=\($0.count)" } == ["2024=3", "2023=2", "2022=1"])
        #expect(facets.entities.map { "\($0.value)=\($0.count)" } == ["karsk=4", "ilse-brandt=2"])
        #expect(facets.entities.map(\.name) == ["Karsk", "Ilse Brandt"])
    }

    /// A source written in different cases is one source: the facet count of a source equals
    /// the total of the (case-insensitive) source filter.
    @Test func facetCountsAgreeWithTheFilterAcrossSourceCase() throws {
        let documents = [
            C.document("x1", title: "Levee", body: ["The levee held."], source: "AFP"),
            C.document("x2", title: "Levee", body: ["The levee broke."], source: "Afp"),
            C.document("x3", title: "Levee", body: ["The levee was raised."], source: "Reuters"),
        ]
        let index = SearchIndex(documents: documents)
        let query = try SearchQuery(parsing: "levee")
        let facets = try index.search(query).facets
        for count in facets.sources {
            #expect(try index.search(query, filter: SearchFilter(source: count.value)).total == count.count, "source \(count.value)")
        }
    }

    /// Facets count every match, not just the page, and follow the filter.
    @Test func facetsCountAllMatchesOfTheFilter() throws {
        let index = SearchIndex(documents: Self.filterCorpus())
        let results = try index.search(SearchQuery(parsing: "reservoir"), filter: SearchFilter(source: "afp"), limit: 1)
        #expect(results.hits.count == 1)
        #expect(results.facets.sources.map { "\($0.value)=\($0.count)" } == ["AFP=3"])
        #expect(results.facets.years.map { "\($0.value)=\($0.count)" } == ["2024=1", "2023=1", "2022=1"])
    }

    /// `total` counts every match; `hits` holds only the page.
    @Test func totalCountsAllMatchesWhileHitsHoldsAPage() throws {
        let results = try SearchIndex(documents: Self.filterCorpus()).search(SearchQuery(parsing: "reservoir"), limit: 2)
        #expect(results.total == 7)
        #expect(results.hits.count == 2)
    }

    /// An offset past the end gives no hits but the same total.
    @Test func offsetPastTheEndGivesNoHits() throws {
        let results = try SearchIndex(documents: Self.filterCorpus()).search(SearchQuery(parsing: "reservoir"), limit: 5, offset: 50)
        #expect(results.total == 7)
        #expect(results.hits.isEmpty)
    }

    /// An offset as large as `Int.max` gives an empty page with the right total; it must not
    /// overflow (run in a child process, since an overflow traps).
    @Test func hugeOffsetGivesAnEmptyPage() async {
        await #expect(processExitsWith: .success) {
            let index = SearchIndex(documents: [SearchCorpus.document("d", title: "Canal", body: ["The canal reopened."])])
            let query = try SearchQuery(parsing: "canal")
            for offset in [Int.max, Int.max - 20, Int.max / 4] {
                let results = try index.search(query, limit: 20, offset: offset)
                guard results.total == 1, results.hits.isEmpty else { exit(1) }
            }
        }
    }

    /// Pages of any size concatenate to the full ordered list, without duplicates.
    @Test(arguments: [1, 2, 3, 7])
    func pagesConcatenateToTheFullList(pageSize: Int) throws {
        // 40 documents: scores vary with repetitions and length, and groups of four tie.
        let documents = (0..<40).map { number in
            C.document(
                "doc-\(number)", title: "Bulletin", body: [(Array(repeating: "estuary", count: 1 + number % 3) + C.filler(number % 4 * 5)).joined(separator: " ")],
                published: number % 5 == 0 ? nil : "2024-0\(1 + number % 9)-1\(number % 7)")
        }
        let index = SearchIndex(documents: documents)
        let query = try SearchQuery(parsing: "estuary")
        let full = try index.search(query, limit: 100).hits.map(\.id)
        #expect(full.count == 40)
        var paged: [String] = []
        var offset = 0
        while offset < 40 {
            let results = try index.search(query, limit: pageSize, offset: offset)
            #expect(results.total == 40)
            paged += results.hits.map(\.id)
            offset += pageSize
        }
        #expect(paged == full)
        #expect(Set(paged).count == 40)
    }

    // MARK: Adding documents

    /// Stories with varied words, dates and lengths, for comparing indexes built in steps.
    private static func growingCorpus() -> [Document] {
        let bodies = [
            "River floods swamp the valley. Flooding closed roads.", "Flood defences held in Karsk.",
            "The export ban on nickel ore starts in May.", "Indonesia extends its nickel export ban.",
            "Tungsten prices rose.", "Tungstan exports rose (sic).", "Parliament passed the budget.",
            "Planners planned new housing.", "Housing policies were debated in parliament.", "The reservoir is full.",
            "Floods again: the river rose overnight.", "A ban on coal exports was lifted.",
        ]
        return bodies.enumerated().map { number, body in
            C.document(
                "story-\(number)", title: number % 2 == 0 ? "Daily report" : "Floods and bans", body: [body],
                published: "2024-01-\(10 + number)", source: number % 3 == 0 ? "AFP" : "Reuters")
        }
    }

    /// An index grown with `adding(_:)` returns exactly what an index of all the documents at
    /// once returns (ids, scores, exactness, totals) for words, phrases, prefixes, typos and
    /// exclusions.
    @Test func addingGivesTheSameResultsAsBuildingAtOnce() throws {
        let documents = Self.growingCorpus()
        let whole = SearchIndex(documents: documents)
        let grown = SearchIndex(documents: Array(documents[0..<6])).adding(Array(documents[6..<7])).adding(Array(documents[7..<9]))
            .adding(Array(documents[9..<12]))
        for text in ["floods", "nickel ban", #""export ban""#, "hous*", "tungsten", "parliament", "river -overnight", "daily"] {
            let query = try SearchQuery(parsing: text)
            let left = try whole.search(query, limit: 100)
            let right = try grown.search(query, limit: 100)
            #expect(right.total == left.total, "\(text)")
            #expect(right.hits.map(\.id) == left.hits.map(\.id), "\(text)")
            #expect(right.hits.map(\.score) == left.hits.map(\.score), "\(text)")
            #expect(right.hits.map(\.isExact) == left.hits.map(\.isExact), "\(text)")
        }
    }

    /// Added documents are searchable, and the old index is unchanged.
    @Test func addedDocumentsAreSearchable() throws {
        let documents = Self.growingCorpus()
        let base = SearchIndex(documents: Array(documents[0..<11]))
        let grown = base.adding([documents[11]])
        #expect(try C.ids(grown, "coal") == ["story-11"])
        #expect(try C.ids(base, "coal").isEmpty)
        #expect(base.adding([]) === base)
    }

    /// Entity names work across segments: a document added later that only says "North
    /// Korea" is found by "DPRK", which only an earlier document uses, as in an index built at once.
    @Test func addingKeepsEntityAliasesAcrossSegments() throws {
        let stories = try C.ingest(C.stories)
        let kpTalks = try #require(stories.first { $0.id == "kp-talks" })
        let whole = SearchIndex(documents: stories)
        let grown = SearchIndex(documents: stories.filter { $0.id != "kp-talks" }).adding([kpTalks])
        let query = try SearchQuery(parsing: "DPRK")
        #expect(try Set(whole.search(query).hits.map(\.id)) == ["kp-talks", "dprk-launch"])
        #expect(try grown.search(query).hits.map(\.id) == whole.search(query).hits.map(\.id))
    }

    // MARK: Quotations

    /// The quotation index finds quotations by their words, keyed `DOCUMENT/QUOTE`.
    @Test func quotationIndexFindsQuotesByWords() throws {
        let index = SearchIndex.quotations(of: try C.ingest(C.stories))
        #expect(Set(try C.ids(index, "bridge")) == ["bridge-repair/q1", "bridge-repair/q2", "harbour-dues/q1"])
        #expect(try C.ids(index, "repairs dearly") == ["bridge-repair/q3"])
        #expect(SearchIndex.quotationKey(document: "bridge-repair", quote: "q1") == "bridge-repair/q1")
    }

    /// The quotation index filters by speaker (the entity filter).
    @Test func quotationIndexFiltersBySpeaker() throws {
        let index = SearchIndex.quotations(of: try C.ingest(C.stories))
        #expect(try C.ids(index, "bridge", filter: SearchFilter(entity: "lotte-vantongeren")) == ["bridge-repair/q1"])
        #expect(try C.ids(index, "bridge", filter: SearchFilter(entity: "sanne-visser")) == ["harbour-dues/q1"])
    }

    /// The quotation index filters by document.
    @Test func quotationIndexFiltersByDocument() throws {
        let index = SearchIndex.quotations(of: try C.ingest(C.stories))
        #expect(Set(try C.ids(index, "bridge", filter: SearchFilter(document: "bridge-repair"))) == ["bridge-repair/q1", "bridge-repair/q2"])
    }

    /// A quotation is found by its speaker's name, which is not in the quoted words.
    @Test func quotationIndexFindsQuotesBySpeakerName() throws {
        let index = SearchIndex.quotations(of: try C.ingest(C.stories))
        #expect(Set(try C.ids(index, "Vantongeren")) == ["bridge-repair/q1", "bridge-repair/q3"])
    }
}
