@testable import Extraction
import Testing

/// `NameContext`'s reading of the characters before a name.
struct NameContextTests {
    /// Whether the last word of `text` opens a sentence.
    private func lastWordStartsSentence(_ text: String) -> Bool {
        let words = TextWord.scan(text)
        return NameContext(words: words, text: text, lexicon: .standard).startsSentence(words.last!)
    }

    /// A sentence end, an opening quote or a bracket before a word opens a sentence, however
    /// many spaces follow it; a mark with a combining accent is another character, and is none.
    @Test(arguments: [
        ("Orla", true), ("  Orla", true), ("It rained. Orla", true), ("Why? Orla", true), ("Stop!  Orla", true), ("Note: Orla", true),
        ("\"Orla", true), ("(Orla", true), ("\u{201C}Orla", true), ("\u{2018}Orla", true), ("said \u{201C}Orla", true),
        ("with Orla", false), ("Dr. Orla", true), ("café. Orla", true), ("café Orla", false), (".\u{301} Orla", false),
        ("x, Orla", false), ("a\r\nOrla", false), ("東京 Orla", false),
    ] as [(String, Bool)])
    func sentenceOpensAfterItsEnd(_ text: String, _ expected: Bool) {
        #expect(self.lastWordStartsSentence(text) == expected)
    }
}
