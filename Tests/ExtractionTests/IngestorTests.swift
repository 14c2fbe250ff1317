import DocumentModel
@testable import Extraction
import TestSupport
import Testing

/// `Ingestor.ingest`: metadata, paragraphs, whitespace, headline and errors.
struct IngestorTests {
    private func ingest(_ text: String, id: String = "t") throws(IngestError) -> Document {
        try Ingestor().ingest(text: text, id: id)
    }

    /// Lines split on bytes are the lines split at the `Character` "\n", once spaces are normalized.
    @Test(arguments: ["", "\n", "a\r\nb\rc\n\nd", "Tomás\n\u{301}e\n“quoted”\u{2029}end\n", "no break"])
    func linesOfNormalizedTextAreItsCharacterLines(_ text: String) {
        let normalized = Ingestor.normalizeSpaces(text)
        #expect(Ingestor.lines(of: normalized) == normalized.split(separator: "\n", omittingEmptySubsequences: false))
    }

    // MARK: Metadata line

    @Test func parsesMetadataLineIntoFields() throws {
        let document = try self.ingest(ArticleText.withMetadata, id: "000_abc")
        #expect(document.id == "000_abc")
        #expect(document.published == "2018-10-25")
        #expect(document.source == "AFP")
        #expect(document.dateline == "UNITED NATIONS")
    }

    @Test func removesMetadataLineFromBody() throws {
        let document = try self.ingest(ArticleText.withMetadata)
        #expect(document.title == "UN expert warns on rights in North Korea")
        #expect(!document.paragraphs.contains { $0.text.contains("2018-10-25") })
        #expect(document.paragraphs.count == 2)
    }

    @Test func findsMetadataLineAfterLeadingBlankLinesAndIndent() throws {
        let document = try self.ingest("\n \n\t date 2018-10-25 AFP, GENEVA\nHeadline\n\nBody text here.")
        #expect(document.dateline == "GENEVA")
        #expect(document.title == "Headline")
    }

    @Test func textWithoutMetadataLineHasNoMetadata() throws {
        let document = try self.ingest("Headline\n\nBody.")
        #expect(document.published == nil)
        #expect(document.source == nil)
        #expect(document.dateline == nil)
    }

    /// Only the first line can be the metadata line; later it is a short unpunctuated line
    /// before the story, which is page chrome.
    @Test func dateLineAfterTheFirstLineIsNotMetadata() throws {
        let document = try self.ingest("Headline\n\ndate 2018-02-30 AFP, X\n\nBody.")
        #expect(document.published == nil)
        #expect(document.source == nil)
        #expect(document.paragraphs.map(\.text) == ["Body."])
    }

    @Test(arguments: ["date 2018-02-30 AFP, X", "date 2018-1-01 AFP, X", "date 2018-13-01"])
    func malformedMetadataLineThrows(_ line: String) {
        #expect(throws: IngestError.malformedMetadataLine(line)) {
            try self.ingest("\(line)\n\nHeadline\n\nBody.")
        }
    }

    @Test func metadataLineAloneIsAnEmptyBody() {
        #expect(throws: IngestError.emptyBody) {
            try self.ingest("date 2018-10-25 AFP, GENEVA\n\n \n")
        }
    }

    // MARK: Paragraphs and whitespace

    @Test func splitsParagraphsAtBlankLinesAndJoinsTheirLines() throws {
        let document = try self.ingest("Headline\n\nfirst line\nsecond line.\n\n\n\nnext paragraph.\n")
        #expect(document.paragraphs.map(\.text) == ["first line second line.", "next paragraph."])
    }

    @Test func numbersParagraphsFromZeroInBodySection() throws {
        let document = try self.ingest("Headline\n\nOne.\n\nTwo.\n\nThree.")
        #expect(document.paragraphs.map(\.index) == [0, 1, 2])
        #expect(document.paragraphs.allSatisfy { $0.section == .body })
    }

    @Test func whitespaceOnlyLineSeparatesParagraphs() throws {
        let document = try self.ingest("Headline\n\nOne.\n \t\u{00A0} \nTwo.")
        #expect(document.paragraphs.map(\.text) == ["One.", "Two."])
    }

    @Test(arguments: [
        ("A\u{00A0}\u{00A0}b", "A b"), ("A\tb\t\tc", "A b c"), ("  A   b  ", "A b"), ("A\u{2007}b\u{202F}c", "A b c"),
        ("A\u{3000}b\u{2003}c\u{2009}d", "A b c d"), ("A \u{00A0}\t b", "A b"),
    ])
    func normalisesSpacesInsideParagraph(_ raw: String, _ expected: String) throws {
        let document = try self.ingest("Headline\n\n\(raw)\nend.")
        #expect(document.paragraphs.map(\.text) == [expected + " end."])
    }

    /// Vertical tab, form feed, NEL and the Unicode line and paragraph separators are
    /// whitespace too: none may survive inside or around a paragraph's text.
    @Test(arguments: ["\u{B}", "\u{C}", "\u{85}", "\u{2028}", "\u{2029}"])
    func leavesNoOtherWhitespaceInParagraphs(_ whitespace: String) throws {
        let document = try self.ingest("Headline\n\n\(whitespace)Alpha\(whitespace)beta\(whitespace)\n\nGamma.")
        for paragraph in document.paragraphs {
            #expect(!paragraph.text.contains { $0.isWhitespace && $0 != " " }, "\(paragraph.text.debugDescription)")
            #expect(paragraph.text.first?.isWhitespace == false)
            #expect(paragraph.text.last?.isWhitespace == false)
        }
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func acceptsEveryLineEnding(_ newline: String) throws {
        let text = ["Headline", "", "One", "two.", "", "Three."].joined(separator: newline)
        let document = try self.ingest(text)
        #expect(document.title == "Headline")
        #expect(document.paragraphs.map(\.text) == ["One two.", "Three."])
    }

    // MARK: Headline

    @Test func shortUnpunctuatedFirstBlockBecomesTitle() throws {
        let document = try self.ingest("Human Rights are key to progress\n\nThe lede paragraph.")
        #expect(document.title == "Human Rights are key to progress")
        #expect(!document.isTitleDerived)
        #expect(document.paragraphs.map(\.text) == ["The lede paragraph."])
    }

    @Test func headlineMayWrapOverLines() throws {
        let document = try self.ingest("Human Rights are key\nto progress\n\nThe lede paragraph.")
        #expect(document.title == "Human Rights are key to progress")
    }

    @Test(arguments: [".", "!", "?", ":", ";", ","])
    func punctuatedFirstBlockIsNotTitle(_ mark: String) throws {
        let document = try self.ingest("Short first block\(mark)\n\nSecond block.")
        #expect(document.isTitleDerived)
        #expect(document.paragraphs.count == 2)
    }

    @Test func firstBlockOfFifteenWordsIsTitle() throws {
        let words = (1...15).map { "w\($0)" }.joined(separator: " ")
        #expect(try self.ingest("\(words)\n\nBody.").title == words)
    }

    /// Sixteen words or more read as prose, punctuated or not.
    @Test func firstBlockOfSixteenWordsIsNotTitle() throws {
        let words = (1...16).map { "w\($0)" }.joined(separator: " ")
        let document = try self.ingest("\(words)\n\nBody.")
        #expect(document.isTitleDerived)
        #expect(document.summary == words)
    }

    @Test func singleBlockIsKeptAsBodyWithDerivedTitle() throws {
        let document = try self.ingest("Just a short line")
        #expect(document.title == "Just a short line")
        #expect(document.isTitleDerived)
        #expect(document.paragraphs.map(\.text) == ["Just a short line"])
    }

    @Test func derivedTitleIsLedesFirstSentence() throws {
        let document = try self.ingest("The council met on Monday. It agreed on nothing.\n\nMore.")
        #expect(document.title == "The council met on Monday")
        #expect(document.isTitleDerived)
        #expect(document.summary == "The council met on Monday. It agreed on nothing.")
    }

    @Test func derivedTitleIsCutAtTwelveWordsWithEllipsis() throws {
        let lede = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."
        let document = try self.ingest(lede)
        #expect(document.title == "One two three four five six seven eight nine ten eleven twelve…")
        #expect(document.isTitleDerived)
    }

    @Test func derivedTitleOfTwelveWordsHasNoEllipsis() throws {
        let lede = "One two three four five six seven eight nine ten eleven twelve."
        #expect(try self.ingest(lede).title == "One two three four five six seven eight nine ten eleven twelve")
    }

    /// A derived title comes from the lede's words, so it is never empty.
    @Test(arguments: [". The council met on Monday.", "..."])
    func derivedTitleIsNeverEmpty(_ lede: String) throws {
        #expect(try !self.ingest(lede).title.isEmpty)
    }

    @Test func slugComesFromTitle() throws {
        #expect(try self.ingest(ArticleText.withMetadata).slug == "un-expert-warns-on-rights-in-north-korea")
    }

    // MARK: Empty input

    @Test(arguments: ["", " ", "\n\n\n", " \t\r\n\u{00A0}\u{3000}\r\n", "\u{2007}"])
    func blankTextIsAnEmptyBody(_ text: String) {
        #expect(throws: IngestError.emptyBody) {
            try self.ingest(text)
        }
    }

    @Test func errorsDescribeThemselves() {
        #expect(IngestError.emptyBody.description == "The text has no body paragraphs.")
        #expect(IngestError.malformedMetadataLine("date x").description
            == "The first line looks like 'date YYYY-MM-DD SOURCE, CITY' but is malformed: 'date x'.")
    }

    /// "Mr." and initials do not end the lede's first sentence.
    @Test func derivedTitleSkipsHonorificAndInitialDots() throws {
        let document = try self.ingest("Mr. J. Okafor said the bridge would reopen. Traffic resumed at noon.")
        #expect(document.title == "Mr. J. Okafor said the bridge would reopen")
    }
}
