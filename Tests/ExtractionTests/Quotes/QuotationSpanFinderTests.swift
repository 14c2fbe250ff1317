import DocumentModel
@testable import Extraction
import Testing

/// The first stage: stretches between quotation marks, on sentences written for it.
struct QuotationSpanFinderTests {
    private func spans(_ texts: [String]) -> [QuotationSpan] {
        QuotationSpanFinder().spans(in: QuoteFixture.scanned(texts))
    }

    /// No marks, no quotations.
    @Test func textWithoutMarksHasNone() {
        #expect(self.spans(["The council met on Tuesday and adjourned."]).isEmpty)
    }

    /// Curly and straight marks both delimit a quotation; offsets select the quoted words.
    @Test(arguments: ["“We are ready,” she said.", "\"We are ready,\" she said."])
    func offsetsSelectTheQuotedWords(text: String) throws {
        let span = try #require(self.spans([text]).first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == "We are ready,")
        #expect(span.isClosed)
        #expect(!span.isPartial)
    }

    /// A quotation left open runs to the paragraph's end, and the next paragraph's opening
    /// mark continues it.
    @Test func openQuotationContinuesIntoTheNextParagraph() {
        let spans = self.spans(["“We will not sell this year,” Lind said. “Nor will we sell", "“next year, whatever the offer.”"])
        #expect(spans.count == 3)
        #expect(spans[1].isClosed == false)
        #expect(spans[2].continuesPrevious)
    }

    /// A paragraph opening with a mark after a closed quotation starts a new quotation.
    @Test func closedQuotationIsNotContinued() {
        let spans = self.spans(["“We will not sell,” Lind said.", "“The price is too low.”"])
        #expect(spans.map(\.continuesPrevious) == [false, false])
    }

    /// A mark after a word opens a fragment; after a colon, a whole quotation.
    @Test func fragmentFollowsAWord() {
        let spans = self.spans(["Lind called the offer “an insult” and added: “We will not sell.”"])
        #expect(spans.map(\.isPartial) == [true, false])
    }

    /// Blank stretches between marks are not quotations.
    @Test func blankStretchIsNoQuotation() {
        #expect(self.spans(["He wrote “ ” on the form."]).isEmpty)
    }
}
