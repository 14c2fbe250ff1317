@testable import Extraction
import Testing

/// Words scanned from a paragraph, their folded form and their case.
struct TextWordTests {
    @Test func wordsAreFoldedAsTextFoldingFoldsThem() {
        let words = TextWord.scan("Tomás OJEA`s Jong-un, 2019 “Port”")
        #expect(words.map(\.text) == ["Tomás", "OJEA`s", "Jong-un", "2019", "Port"])
        #expect(words.map(\.folded) == ["tomas", "ojea's", "jong-un", "2019", "port"])
    }

    @Test(arguments: [("UN", true), ("EU’s", true), ("OJEA's", true), ("Un", false), ("A", false), ("ÉTÉ", true), ("Été", false), ("S", false)])
    func allCapsNeedsTwoCapitalsAndNoSmallLetter(_ text: String, _ expected: Bool) {
        #expect(TextWord.scan(text).first?.isAllCaps == expected)
    }
}
