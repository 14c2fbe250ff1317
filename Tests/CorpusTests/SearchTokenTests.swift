@testable import Corpus
import DocumentModel
import Testing

/// `SearchToken.scan` and `Stemmer`: how documents and queries are cut into words, folded and
/// stemmed, and where each word stands in the text.
struct SearchTokenTests {
    private func folded(_ text: String) -> [String] {
        SearchToken.scan(text).map(\.folded)
    }

    private func terms(_ text: String) -> [String] {
        SearchToken.scan(text).map(\.term)
    }

    // MARK: Folding

    /// Upper and lower case give the same word.
    @Test func foldsCase() {
        #expect(self.folded("NICKEL Nickel nickel") == ["nickel", "nickel", "nickel"])
    }

    /// An accented letter folds to its base letter: "Tomás" is `tomas`, like "Tomas".
    @Test func foldsAccents() {
        #expect(self.folded("Tomás") == ["tomas"])
        #expect(self.terms("Tomás") == self.terms("tomas"))
    }

    /// A letter with a ring, and Vietnamese letters with stacked marks or a bar, fold to ASCII.
    @Test func foldsNonASCIILettersToASCII() {
        #expect(self.folded("Ångberg") == ["angberg"])
        #expect(self.folded("Đà Nẵng") == ["da", "nang"])
    }

    /// A decomposed accent (a letter then U+0301) folds like the precomposed letter.
    @Test func foldsCombiningAccents() {
        #expect(self.folded("Rene\u{301}e") == ["renee"])
        #expect(self.folded("Rene\u{301}e") == self.folded("Renée"))
    }

    // MARK: Apostrophes

    /// Every apostrophe variant scraped text uses (' ’ ` ´ ʼ) marks a possessive that is
    /// dropped: each "Korea's" is the single word `korea`.
    @Test(arguments: ["'", "\u{2019}", "`", "\u{00B4}", "\u{02BC}"])
    func possessiveWithEachApostropheIsDropped(apostrophe: String) {
        #expect(self.folded("Korea\(apostrophe)s envoy") == ["korea", "envoy"])
    }

    /// Inside a word every apostrophe variant joins the word: "don't" is `dont` whichever
    /// apostrophe it is written with.
    @Test(arguments: ["'", "\u{2019}", "`", "\u{00B4}", "\u{02BC}"])
    func apostropheInsideAWordJoinsIt(apostrophe: String) {
        #expect(self.folded("don\(apostrophe)t go") == ["dont", "go"])
    }

    /// A possessive's token covers the name only, not the `'s`.
    @Test func possessiveTokenCoversTheNameOnly() throws {
        let text = "Korea’s envoy"
        let token = try #require(SearchToken.scan(text).first)
        #expect(SearchCorpus.slice(text, token.start..<token.end) == "Korea")
    }

    // MARK: Hyphens, punctuation, numbers

    /// A hyphen splits words: "Kim Jong-un" gives the same terms as "kim jong un".
    @Test func hyphensSplitWords() {
        #expect(self.terms("Kim Jong-un") == self.terms("kim jong un"))
        #expect(self.folded("Kim Jong-un") == ["kim", "jong", "un"])
    }

    /// Numbers are words of their own and are kept as written (not stemmed).
    @Test func numbersAreKept() {
        #expect(self.terms("300 people in 2019, 1990s and 3.5 percent") == ["300", "people".stemmed, "in", "2019", "1990s", "and", "3", "5", "percent"])
    }

    /// Punctuation and spaces alone give no words.
    @Test func punctuationAloneHasNoWords() {
        #expect(SearchToken.scan(" -- ... !? \"\" ").isEmpty)
    }

    // MARK: Offsets

    /// Each token's range, in Unicode scalars, slices the original text to the word as written,
    /// also after emoji (several scalars each), combining accents and non-Latin script.
    @Test func offsetsSliceTheOriginalText() {
        let text = "🌊👩🏽‍🚒 Floods hit Đà Nẵng; Rene\u{301}e Ångberg (🇰🇷) met Kim Jong-un in 서울 — ok"
        let tokens = SearchToken.scan(text)
        #expect(tokens.map { SearchCorpus.slice(text, $0.start..<$0.end) } == [
            "Floods", "hit", "Đà", "Nẵng", "Rene\u{301}e", "Ångberg", "met", "Kim", "Jong", "un", "in", "서울", "ok",
        ])
    }

    /// Folding the slice a token's range selects gives the token's folded form.
    @Test func foldedFormIsTheFoldedSlice() {
        let text = "Ça va, Tomás? Ngô Đình Diệm et l'Øresund, 🙂 Zoë"
        for token in SearchToken.scan(text) {
            let slice = SearchCorpus.slice(text, token.start..<token.end)
            #expect(TextFolding.fold(slice).replacingOccurrences(of: "'", with: "") == token.folded, "\(slice)")
        }
    }

    // MARK: Long words

    /// A pathological run of letters is cut to `maxWordBytes` bytes of its folded form; its
    /// range still covers the whole run.
    @Test func veryLongASCIIWordIsCut() {
        let text = String(repeating: "ab", count: 5_000)
        let tokens = SearchToken.scan(text)
        #expect(tokens.count == 1)
        #expect(tokens.first?.folded == String(text.prefix(SearchToken.maxWordBytes)))
        #expect(tokens.first.map { $0.start..<$0.end } == 0..<10_000)
    }

    /// A long word in a script of multi-byte letters is cut at a letter boundary: the kept
    /// form is a prefix of the word, within `maxWordBytes`, with no replacement character.
    @Test func veryLongMultibyteWordIsCutAtALetterBoundary() throws {
        let word = String(repeating: "漢", count: 30)
        let token = try #require(SearchToken.scan(word).first)
        #expect(token.folded.utf8.count <= SearchToken.maxWordBytes)
        #expect(!token.folded.unicodeScalars.contains("\u{FFFD}"))
        #expect(word.hasPrefix(token.folded))
        #expect(token.folded == String(repeating: "漢", count: 21))
    }

    // MARK: Stemming

    /// Plural, past and progressive forms share a stem: floods, flooded, flooding, flood.
    @Test func floodFormsShareAStem() {
        #expect(Set(["floods", "flooded", "flooding", "flood"].map(\.stemmed)) == ["flood"])
    }

    /// "-ies" plurals stem to the singular: policies and policy.
    @Test func iesPluralsStemToTheSingular() {
        #expect("policies".stemmed == "policy".stemmed)
        #expect("policy".stemmed == "policy")
    }

    /// A doubled final consonant is undoubled: planned, planning and plan.
    @Test func doubledConsonantsAreUndoubled() {
        #expect(Set(["planned", "planning", "plan", "plans"].map(\.stemmed)) == ["plan"])
    }

    /// The final `e` goes, so houses, house and housing meet.
    @Test func finalEIsDropped() {
        #expect(Set(["houses", "house", "housing"].map(\.stemmed)) == ["hous"])
    }

    /// `-ss`, `-us` and `-is` are not plurals: "press", "census" and "crisis" keep their `s`.
    @Test func sEndingsThatAreNotPluralsStay() {
        #expect("press".stemmed == "press")
        #expect("census".stemmed == "census")
        #expect("crisis".stemmed == "crisis")
    }

    /// Doubled `l`, `s` and `z` stay doubled: "falling" is `fall`, "passed" is `pass`.
    @Test func doubledLSZStay() {
        #expect("falling".stemmed == "fall")
        #expect("passed".stemmed == "pass")
    }

    /// Words of four letters or fewer are left alone (the stemmer's documented promise), so
    /// short words and names are not conflated: "news" is not "new", "Hans" not "Han",
    /// "Mars" not "mar", "bus" not "bu".
    @Test func shortWordsAreNotStemmed() {
        #expect("news".stemmed == "news")
        #expect("hans".stemmed == "hans")
        #expect("mars".stemmed == "mars")
        #expect("bus".stemmed == "bus")
        #expect(self.terms("news") != self.terms("new"))
    }

    /// A stem keeps at least three letters with a vowel: "red", "bed", "sing" and "ring" stay.
    @Test func shortStemsAreNotStripped() {
        #expect(["red", "bed", "sing", "ring", "seed"].map(\.stemmed) == ["red", "bed", "sing", "ring", "seed"])
    }

    /// Numbers and non-Latin words are not stemmed.
    @Test func numbersAndNonLatinWordsAreNotStemmed() {
        #expect("1990s".stemmed == "1990s")
        #expect("новости".stemmed == "новости")
    }

    /// Scanning stems: the token's term is the stem of its folded form.
    @Test func termIsTheStemOfTheFoldedForm() {
        for token in SearchToken.scan("Flooding POLICIES planned Houses") {
            #expect(token.term == Stemmer.stem(token.folded))
        }
        #expect(self.terms("Flooding POLICIES planned Houses") == ["flood", "policy", "plan", "hous"])
    }
}

extension String {
    /// The stem `Stemmer` gives this (already folded) word.
    fileprivate var stemmed: String { Stemmer.stem(self) }
}
