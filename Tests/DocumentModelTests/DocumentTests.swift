@testable import DocumentModel
import TestSupport
import Testing

/// `Document`'s derived properties.
struct DocumentTests {
    static let mixed = Document.make(paragraphs: [
        (.background, "About the expert: a long bio."), (.body, "The lede has five words."),
        (.contacts, "Call me."), (.body, "Second  body\tparagraph."), (.footer, "Footer text."),
    ])

    @Test func bodyParagraphsKeepOnlyBodySection() {
        #expect(Self.mixed.bodyParagraphs.map(\.index) == [1, 3])
    }

    @Test func summaryIsFirstBodyParagraph() {
        #expect(Self.mixed.summary == "The lede has five words.")
    }

    @Test func summaryIsEmptyWithoutBody() {
        #expect(Document.make(paragraphs: [(.footer, "Footer.")]).summary == "")
    }

    @Test func wordCountCountsBodyWordsOnly() {
        #expect(Self.mixed.wordCount == 5 + 3)
    }

    /// Words are runs between any whitespace, Unicode's too, at either end or repeated.
    @Test func wordCountSplitsOnEveryKindOfWhitespace() {
        let text = "  Oslo\u{00A0}harbour\u{2003}reopens \n\t on Monday\r\n "
        #expect(Document.make(paragraphs: [(.body, text)]).wordCount == text.split(whereSeparator: \.isWhitespace).count)
        #expect(Document.make(paragraphs: [(.body, text)]).wordCount == 5)
    }

    /// A combining mark belongs to the character before it, space or not, as characters count;
    /// letters outside ASCII and scripts without case are words like any other.
    @Test(arguments: ["e\u{0301}te\u{0301} a\u{0300} Sa\u{0303}o Paulo", "Zürich  \u{0301}Ørsted", "東京 会議 2024", "word \u{200D}\u{0308} next", "नमस्ते दुनिया"])
    func wordCountCountsAsCharactersDo(_ text: String) {
        #expect(Document.make(paragraphs: [(.body, text)]).wordCount == text.split(whereSeparator: \.isWhitespace).count)
    }

    @Test(arguments: [(0, 1), (1, 1), (199, 1), (200, 1), (201, 2), (400, 2), (401, 3), (1000, 5)])
    func readingTimeRoundsUpAt200WordsPerMinute(_ words: Int, _ minutes: Int) {
        let text = Array(repeating: "word", count: words).joined(separator: " ")
        let document = Document.make(paragraphs: words == 0 ? [] : [(.body, text)])
        #expect(document.wordCount == words)
        #expect(document.readingTimeMinutes == minutes)
    }

    @Test func bodyTextJoinsBodyParagraphsWithBlankLines() {
        #expect(Self.mixed.bodyText == "The lede has five words.\n\nSecond  body\tparagraph.\n")
    }

    @Test func sectionsHaveWireNames() {
        #expect(Section.allCases.map(\.rawValue) == ["body", "background", "contacts", "footer"])
    }
}
