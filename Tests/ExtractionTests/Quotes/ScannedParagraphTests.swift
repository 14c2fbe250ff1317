import DocumentModel
@testable import Extraction
import Testing

/// A scanned paragraph's word offsets count Unicode scalars, whatever the letters' encodings.
struct ScannedParagraphTests {
    @Test(arguments: [
        "Ana Lima said “yes” today.", "Tomás Ojea spoke", "e\u{301}lan vital, he said", "Kim 👍🏽 waved, 東京 too", "", "   ", "\u{1F468}\u{200D}\u{1F469} Roe",
    ])
    func wordOffsetsCountScalars(_ text: String) {
        let paragraph = Paragraph(index: 0, section: .body, text: text)
        let words = TextWord.scan(text)
        let scanned = ScannedParagraph(paragraph, words: words)
        let scalars = text.unicodeScalars
        #expect(scanned.words.map(\.start) == words.map { scalars.distance(from: scalars.startIndex, to: $0.range.lowerBound) })
        #expect(scanned.words.map(\.end) == words.map { scalars.distance(from: scalars.startIndex, to: $0.range.upperBound) })
        #expect(scanned.words.map { scanned.text(from: $0.start, to: $0.end) } == words.map(\.text))
    }
}
