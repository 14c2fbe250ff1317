@testable import Corpus
import DocumentModel
import Foundation
import Testing

/// The snippets of search hits: which passages, how they are cut, what their highlight
/// ranges select, and the `marked` HTML.
@Suite(.timeLimit(.minutes(1)))
struct SearchSnippetTests {
    private typealias C = SearchCorpus

    /// The first hit of `query` over `documents`.
    private func hit(_ documents: [Document], _ query: String) throws -> SearchHit {
        try #require(SearchIndex(documents: documents).search(SearchQuery(parsing: query)).hits.first)
    }

    /// The stems of a text's words.
    private func stems(_ text: String) -> [String] {
        SearchToken.scan(text).map(\.term)
    }

    // MARK: Highlights

    /// Every highlight selects a matched word (same stem as a query word), a quoted phrase,
    /// or a mention of the entity the query named; and every such thing in the snippets is highlighted.
    @Test func everyHighlightSelectsAMatch() throws {
        let body = [
            "River floods swamped the Tessin valley on Monday. Mayor Ilse Brandt said the flooding was the worst in decades.",
            "Flood defences failed near the grain terminal. The export ban on grain was lifted after the floods.",
        ]
        let brandt = C.entity("ilse-brandt", name: "Ilse Brandt", kind: .person, aliases: ["Brandt"], in: body)
        let document = C.document("valley", title: "Floods swamp the valley", body: body, entities: [brandt])
        let hit = try self.hit([document], #"flood "export ban" grain"#)
        let words = Set(self.stems("flood grain"))
        #expect(!hit.snippets.isEmpty)
        for snippet in hit.snippets {
            for selected in C.highlighted(snippet) {
                let isWord = self.stems(selected).count == 1 && words.contains(self.stems(selected)[0])
                let isPhrase = self.stems(selected) == ["export", "ban"]
                #expect(isWord || isPhrase, "highlight '\(selected)' in '\(snippet.text)'")
            }
        }
        let all = hit.snippets.flatMap(C.highlighted)
        #expect(all.filter { self.stems($0) == ["flood"] }.count == 3)
        #expect(all.contains("export ban"))
        #expect(all.filter { $0 == "grain" }.count == 2)
    }

    /// Highlights are in order and do not overlap.
    @Test func highlightsAreOrderedAndDisjoint() throws {
        let document = C.document("d", title: "Floods", body: ["Floods, flooding and flooded fields: the flood plain floods again."])
        let hit = try self.hit([document], "flood plain")
        for snippet in hit.snippets {
            #expect(zip(snippet.highlights, snippet.highlights.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
            #expect(snippet.highlights.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= snippet.text.unicodeScalars.count })
        }
        #expect(hit.snippets.flatMap(C.highlighted) == ["Floods", "flooding", "flooded", "flood", "plain", "floods"])
    }

    /// A quoted phrase is highlighted as one range, and its words are not highlighted
    /// elsewhere on their own.
    @Test func phraseIsOneHighlight() throws {
        let document = C.document("d", title: "Grain", body: ["Officials said the export ban on grain ends. Exports resumed, and the ban was forgotten."])
        let hit = try self.hit([document], #""export ban""#)
        #expect(hit.snippets.map(C.highlighted) == [["export ban"]])
    }

    /// Other forms of a query word are highlighted: "flood" marks "Floods" and "flooding".
    @Test func stemmedFormsAreHighlighted() throws {
        let document = C.document("d", title: "Valley", body: ["Floods hit the valley and the flooding lasted a week."])
        #expect(try self.hit([document], "flood").snippets.flatMap(C.highlighted) == ["Floods", "flooding"])
    }

    /// A misspelt query word highlights the word it matched.
    @Test func fuzzyMatchIsHighlighted() throws {
        let document = C.document("d", title: "Metals", body: ["Output of tungsten rose."])
        let hit = try self.hit([document], "tungstan")
        #expect(hit.isExact == false)
        #expect(hit.snippets.flatMap(C.highlighted) == ["tungsten"])
    }

    /// A prefix highlights each word it matched.
    @Test func prefixMatchesAreHighlighted() throws {
        let document = C.document("d", title: "Nickel", body: ["Indonesia and Indonesian miners export nickel to India."])
        #expect(try self.hit([document], "indones*").snippets.flatMap(C.highlighted) == ["Indonesia", "Indonesian"])
    }

    /// A query that names an entity by another name highlights the entity's mention: "DPRK"
    /// marks "North Korea" in a story that never says "DPRK".
    @Test func entityMentionIsHighlighted() throws {
        let index = SearchIndex(documents: try C.ingest(C.stories))
        let hit = try #require(index.search(SearchQuery(parsing: "DPRK")).hits.first { $0.id == "kp-talks" })
        #expect(hit.snippets.flatMap(C.highlighted) == ["North Korea"])
        #expect(hit.snippets.first?.text == "Negotiators from South Korea said talks with North Korea stalled on Tuesday.")
    }

    /// Highlight ranges count Unicode scalars: after emoji and accented letters they still
    /// select the word.
    @Test func highlightsAreUnicodeScalarRanges() throws {
        let document = C.document("d", title: "Flood", body: ["🌊👩🏽‍🚒 Re\u{301}sidents of Đà Nẵng’s old town watched the floods rise."])
        let snippet = try #require(try self.hit([document], "floods").snippets.first)
        #expect(C.highlighted(snippet) == ["floods"])
        #expect(snippet.marked == "🌊👩🏽‍🚒 Re\u{301}sidents of Đà Nẵng’s old town watched the <mark>floods</mark> rise.")
    }

    /// A snippet's paragraph is the index of the paragraph it comes from.
    @Test func snippetNamesItsParagraph() throws {
        let document = C.document("d", title: "Report", body: ["Nothing here.", "Still nothing.", "The estuary silted up."])
        let snippet = try #require(try self.hit([document], "estuary").snippets.first)
        #expect(snippet.paragraph == 2)
        #expect(snippet.text == "The estuary silted up.")
    }

    // MARK: Marked

    /// `marked` has one `<mark>…</mark>` per highlight, around exactly the highlighted text.
    @Test func markedWrapsEachHighlightOnce() throws {
        let document = C.document("d", title: "Floods", body: ["Floods, flooding and flooded fields: the flood plain floods again."])
        for snippet in try self.hit([document], "flood plain").snippets {
            let marked = snippet.marked
            #expect(marked.components(separatedBy: "<mark>").count - 1 == snippet.highlights.count)
            #expect(marked.components(separatedBy: "</mark>").count - 1 == snippet.highlights.count)
            let inside = marked.components(separatedBy: "<mark>").dropFirst().map { $0.components(separatedBy: "</mark>")[0] }
            #expect(inside == C.highlighted(snippet))
            #expect(marked.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "") == snippet.text)
        }
    }

    /// `marked` escapes `&`, `<`, `>`, `"` and `'`, inside and outside the marks.
    @Test func markedEscapesHTML() throws {
        let document = C.document("d", title: "Tariffs", body: [#"Tariffs on "steel & aluminium" rose <sharply> at R&D-heavy firms' plants."#])
        let snippet = try #require(try self.hit([document], "steel").snippets.first)
        #expect(
            snippet.marked
                == "Tariffs on &quot;<mark>steel</mark> &amp; aluminium&quot; rose &lt;sharply&gt; at R&amp;D-heavy firms&#39; plants.")
    }

    /// A highlight at the very start and one at the very end of the text are both closed.
    @Test func markedHandlesHighlightsAtBothEnds() throws {
        let document = C.document("d", title: "Dams", body: ["Reservoir levels fell at the reservoir"])
        let snippet = try #require(try self.hit([document], "reservoir").snippets.first)
        #expect(snippet.marked == "<mark>Reservoir</mark> levels fell at the <mark>reservoir</mark>")
    }

    // MARK: Passages

    /// At most three snippets, the first three matching sentences when they match equally.
    @Test func atMostThreeSnippets() throws {
        let document = C.document("d", title: "Dams", body: [
            "The reservoir is full. The reservoir is old. A reservoir leak was found.",
            "The reservoir will close. The reservoir reopens in May.",
        ])
        let snippets = try self.hit([document], "reservoir").snippets
        #expect(snippets.count == SearchSnippet.maxCount)
        #expect(snippets.map(\.text) == ["The reservoir is full.", "The reservoir is old.", "A reservoir leak was found."])
    }

    /// The sentence with more distinct query words comes first.
    @Test func sentencesWithMoreDistinctMatchesComeFirst() throws {
        let document = C.document("d", title: "Dams", body: ["The reservoir is full. The dam by the reservoir is old."])
        #expect(try self.hit([document], "reservoir dam").snippets.map(\.text) == ["The dam by the reservoir is old.", "The reservoir is full."])
    }

    /// A long sentence is cut to a window of words starting a few words before the match,
    /// marked "… " before and " …" after, and the highlight still selects the match.
    @Test func longSentenceIsCutAroundTheMatch() throws {
        let words = C.filler(50) + ["reservoir"] + C.filler(49, from: 50)
        let document = C.document("d", title: "Dams", body: [words.joined(separator: " ") + "."])
        let snippet = try #require(try self.hit([document], "reservoir").snippets.first)
        let kept = words[44..<84]
        #expect(snippet.text == "… " + kept.joined(separator: " ") + " …")
        #expect(C.highlighted(snippet) == ["reservoir"])
        #expect(snippet.marked.contains("<mark>reservoir</mark>"))
    }

    /// A long sentence matched near its start is cut at the end only.
    @Test func longSentenceMatchedEarlyIsCutAtTheEnd() throws {
        let words = C.filler(2) + ["reservoir"] + C.filler(97, from: 2)
        let document = C.document("d", title: "Dams", body: [words.joined(separator: " ") + "."])
        let snippet = try #require(try self.hit([document], "reservoir").snippets.first)
        #expect(snippet.text == words[0..<40].joined(separator: " ") + " …")
        #expect(C.highlighted(snippet) == ["reservoir"])
    }

    /// A long sentence matched near its end is cut at the start only, keeping its full stop.
    @Test func longSentenceMatchedLateIsCutAtTheStart() throws {
        let words = C.filler(95) + ["reservoir"] + C.filler(4, from: 95)
        let document = C.document("d", title: "Dams", body: [words.joined(separator: " ") + "."])
        let snippet = try #require(try self.hit([document], "reservoir").snippets.first)
        #expect(snippet.text == "… " + words[89...].joined(separator: " ") + ".")
        #expect(C.highlighted(snippet) == ["reservoir"])
    }

    /// When only the title matches, the snippet is the lede's first sentence, unmarked.
    @Test func titleOnlyMatchGivesTheLedesFirstSentence() throws {
        let document = C.document("d", title: "Reservoir opens", body: ["The new basin holds water for 20,000 homes. It cost 3 million euros.", "More later."])
        let hit = try self.hit([document], "reservoir")
        #expect(hit.snippets.count == 1)
        #expect(hit.snippets.first?.text == "The new basin holds water for 20,000 homes.")
        #expect(hit.snippets.first?.paragraph == 0)
        #expect(hit.snippets.first?.highlights == [])
        #expect(hit.snippets.first?.marked == "The new basin holds water for 20,000 homes.")
    }

    /// A quotation's snippet is the quoted text with the match marked.
    @Test func quotationSnippetMarksTheMatch() throws {
        let index = SearchIndex.quotations(of: try C.ingest(C.stories))
        let hit = try #require(index.search(SearchQuery(parsing: "winter")).hits.first)
        #expect(hit.id == "bridge-repair/q1")
        #expect(hit.snippets.map(C.highlighted) == [["winter"]])
        #expect(hit.snippets.first?.paragraph == 0)
    }
}

extension SearchSnippet {
    /// Most snippets a hit has.
    fileprivate static var maxCount: Int { SnippetBuilder.maxSnippets }
}
