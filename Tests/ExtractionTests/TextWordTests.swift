@testable import Extraction
import Testing

/// Words scanned from a paragraph, their folded form and their case.
struct TextWordTests {
    @Test func wordsAreFoldedAsTextFoldingFoldsThem() {
        let words = TextWord.scan("Tomás OJEA`s Jong-un, 2019 “Port”")
        #expect(words.map(\.text) == ["Tomás", "OJEA`s", "Jong-un", "2019", "Port"])
        #expect(words.map(\.folded) == ["tomas", "ojea's", "jong-un", "2019", "port"])
    }

    /// Words beyond ASCII: combining marks and scripts without case stay in their word,
    /// emoji and a hyphen before a space end one, and each range holds its word.
    @Test func wordsBeyondASCIIKeepTheirMarksAndRanges() {
        let text = "Cafe\u{301}s well- -known O'Neill’ 😀x 日本 ½ Zoë-Łukasik"
        let words = TextWord.scan(text)
        #expect(words.map(\.text) == ["Cafe\u{301}s", "well", "known", "O'Neill’", "x", "日本", "½", "Zoë-Łukasik"])
        #expect(words.map { String(text[$0.range]) } == words.map(\.text))
    }

    @Test(arguments: [("UN", true), ("EU’s", true), ("OJEA's", true), ("Un", false), ("A", false), ("ÉTÉ", true), ("Été", false), ("S", false)])
    func allCapsNeedsTwoCapitalsAndNoSmallLetter(_ text: String, _ expected: Bool) {
        #expect(TextWord.scan(text).first?.isAllCaps == expected)
    }

    /// Capitalised as its first character is, whether read on bytes or as a character: an
    /// ASCII letter with a combining mark after it is one character.
    @Test(arguments: ["Oslo", "oslo", "A", "a", "Émile", "E\u{301}mile", "e\u{301}lan", "Zürich", "ñu", "Ñu", "1st", "Ωmega", "ωmega"])
    func capitalisedAsItsFirstCharacterIs(_ text: String) {
        #expect(TextWord.scan(text).first?.isCapitalized == text.first?.isUppercase)
    }
}
