import DocumentModel
@testable import Extraction
import Testing

/// The date extractor's work grows with its text, not with its text times its dates.
struct DateMentionExtractorTests {
    /// `on 3 March 2019, on 4 March 2020, …` in one paragraph, `count` dates long.
    private static func dateList(_ count: Int) -> String {
        (0..<count).map { "on \($0 % 28 + 1) March \(1990 + $0 % 30)," }.joined(separator: " ")
    }

    /// The mentions of one paragraph and the work counted finding them.
    private static func extract(_ text: String) -> ([DateMention], DateMentionExtractor.Work) {
        var work = DateMentionExtractor.Work()
        let paragraph = Paragraph(index: 0, section: .body, text: text)
        // An unlimited deadline never throws.
        let mentions = try! DateMentionExtractor().extract(
            from: [paragraph], words: [TextWord.scan(text)], published: CalendarDate(parsing: "2024-05-01"), work: &work, deadline: .unlimited())
        return (mentions, work)
    }

    /// Doubling a date list at most doubles the words visited and the scalars stepped over:
    /// measuring every mention from the paragraph's start made a list of *n* dates cost *n*².
    @Test func workOnADateListIsLinear() {
        let (smallMentions, small) = Self.extract(Self.dateList(500))
        let (largeMentions, large) = Self.extract(Self.dateList(1000))
        #expect(smallMentions.count == 500)
        #expect(largeMentions.count == 1000)
        #expect(large.wordsVisited <= 2 * small.wordsVisited + 4)
        #expect(large.scalarsStepped <= 2 * small.scalarsStepped + 32)
        // Each scalar of the paragraph is stepped over at most once.
        #expect(large.scalarsStepped <= Self.dateList(1000).unicodeScalars.count)
    }

    /// Offsets stay scalar offsets into the paragraph, past accents and emoji before a date.
    @Test func offsetsCountScalarsAfterEarlierMentions() {
        let text = "Zoë 🇫🇷 met on 3 March 2019 and in 2020, then on 4 March 2021."
        let (mentions, _) = Self.extract(text)
        let scalars = Array(text.unicodeScalars)
        #expect(mentions.map(\.expression) == ["on 3 March 2019", "in 2020", "on 4 March 2021"])
        for mention in mentions {
            var expression = String.UnicodeScalarView()
            expression.append(contentsOf: scalars[mention.start..<mention.end])
            #expect(String(expression) == mention.expression)
        }
    }
}
