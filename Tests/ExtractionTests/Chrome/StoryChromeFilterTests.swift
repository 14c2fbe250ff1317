@testable import Extraction
import Testing

/// What the story chrome filter removes from a story's lines, and the rule it names, on
/// snippets written for these tests.
struct StoryChromeFilterTests {
    static let paragraph = "The council voted on Tuesday to fund a new bridge across the river, ending a dispute that had lasted three years."
    static let another = "Work on the bridge is due to start in the spring and to finish before the end of next year, officials said."

    private func removals(_ lines: [String]) -> [StoryChromeFilter.Removal] {
        StoryChromeFilter(lexicon: .standard).filter(ArraySlice(lines.map { Substring($0) })).removals
    }

    private func removed(_ lines: [String]) -> [String: StoryChromeRule] {
        Dictionary(uniqueKeysWithValues: self.removals(lines).map { (lines[$0.line], $0.rule) })
    }

    /// A story of prose alone loses nothing.
    @Test func keepsProse() {
        #expect(self.removals([Self.paragraph, "", Self.another]).isEmpty)
    }

    /// Removed lines come back blank, so they also end a block.
    @Test func blanksRemovedLines() {
        let lines = [Self.paragraph, "", "Image credit: City Archive", "", Self.another]
        let result = StoryChromeFilter(lexicon: .standard).filter(ArraySlice(lines.map { Substring($0) }))
        #expect(Array(result.lines) == [Substring(Self.paragraph), "", "", "", Substring(Self.another)])
    }

    @Test func removesCreditLines() {
        let lines = [
            Self.paragraph, "", "Image credit: City Archive", "", "FILE PHOTO: The old bridge in winter.", "",
            "Jane Roe, AP", "", "Workers inspect the old bridge on Monday. (Photo: City Archive)", "",
            "The old bridge at dusk in 2010. Credit: City Archive", "", Self.another,
        ]
        #expect(self.removed(lines) == [
            "Image credit: City Archive": .pictureCredit, "FILE PHOTO: The old bridge in winter.": .pictureCredit,
            "Jane Roe, AP": .pictureCredit, "Workers inspect the old bridge on Monday. (Photo: City Archive)": .pictureCredit,
            "The old bridge at dusk in 2010. Credit: City Archive": .pictureCredit,
        ])
    }

    /// A caption with no credit of its own goes with the short credit line under it.
    @Test func removesTheCaptionAboveACredit() {
        let lines = [Self.paragraph, "", "The river at its widest point, where the bridge will stand.", "(City Archive)", "", Self.another]
        #expect(self.removed(lines) == [
            "The river at its widest point, where the bridge will stand.": .captionBeforeCredit, "(City Archive)": .pictureCredit,
        ])
    }

    /// Lines the layout drops with their whole block (`Read more`, `Sign up`) are left to it.
    @Test func leavesBlockOpenersToTheLayout() {
        #expect(self.removals([Self.paragraph, "", "Sign up for our newsletter", "Delivered every weekday.", "", Self.another]).isEmpty)
    }

    @Test func removesTeasersPromptsAndStamps() {
        let lines = [
            Self.paragraph, "", "Related: Ten bridges that changed their cities", "", "See also: How the council spends its budget", "",
            "Get the latest council news in your inbox every morning.", "", "Follow us on Facebook and Twitter.", "",
            "First published on March 3, 2024 / 9:15 AM", "", "&lt;span class=\"marker\"&gt;&lt;/span&gt;", "", Self.another,
        ]
        #expect(self.removed(lines) == [
            "Related: Ten bridges that changed their cities": .teaser, "See also: How the council spends its budget": .teaser,
            "Get the latest council news in your inbox every morning.": .readerPrompt,
            "Follow us on Facebook and Twitter.": .readerPrompt, "First published on March 3, 2024 / 9:15 AM": .timestamp,
            "&lt;span class=\"marker\"&gt;&lt;/span&gt;": .markupResidue,
        ])
    }

    /// A pull quote repeats a quotation the story gives in full; the paragraph stays.
    @Test func removesAPullQuote() {
        let quoted = "“We have waited far too long for a safe way across this river,” the mayor said after the vote."
        let pull = "“We have waited far too long for a safe way across this river”"
        let lines = [Self.paragraph, "", pull, "", quoted, "", Self.another]
        #expect(self.removed(lines) == [pull: .repeatedText])
    }

    /// A pull quote with accented names and a currency sign is found as one in plain ASCII is.
    @Test func removesAPullQuoteBeyondASCII() {
        let quoted = "“Zoë Marchetti-Łukasik paid €4.5 million for the old ferry pier,” the council’s report said."
        let pull = "“Zoë Marchetti-Łukasik paid €4.5 million for the old ferry pier”"
        let lines = [Self.paragraph, "", pull, "", quoted, "", Self.another]
        #expect(self.removed(lines) == [pull: .repeatedText])
    }

    /// A line's word key is its lower-case letters and digits as `Character`s read them,
    /// whatever its script, signs or combining marks.
    @Test(arguments: [
        "Zoë Marchetti-Łukasik paid €4.5 million", "İSTANBUL’s Ελλάδα — Москва: 12 ½ km", "Cafe\u{301} Malo\u{0308} → 3",
        "plain ASCII, words: 42", "",
    ])
    func keysWordsAsCharactersDo(_ text: String) {
        let expected = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
        #expect(StoryChromeFilter.wordKey(text) == expected)
    }

    /// A title-case headline alone between paragraphs is a teaser; a short subheading is not.
    @Test func removesATeaserHeadlineButKeepsASubheading() {
        let teaser = "Storm Closes Three Schools and Floods the Harbour Road"
        let lines = [Self.paragraph, "", teaser, "", "What Happens Next", "", Self.another]
        #expect(self.removed(lines) == [teaser: .teaserHeadline])
    }

    @Test func removesACopyrightNotice() {
        let lines = [Self.paragraph, "", "© 2024 Example Media Group", "", Self.another]
        #expect(self.removed(lines) == ["© 2024 Example Media Group": .copyrightNotice])
    }

    /// In a scraped page, a credit and a teaser between paragraphs stay out of the body.
    @Test func extractsAScrapedPageWithoutItsChrome() throws {
        let menu = ["Home", "World", "Business", "Sport", "", "Subscribe | Sign in", ""]
        let article = [
            "The city council approved a new budget on Monday after a debate that lasted well into the night.",
            "The mayor said the plan would fund two new schools and a health clinic in the northern districts.",
            "Related: Five things to know about the city budget",
            "“This is a good day for every family in this city,” she told reporters after the final vote.",
            "Image credit: City Archive",
            "Opponents argued that the tax rise would hurt small businesses that are still recovering this year.",
        ]
        let footer = ["Share on Facebook", "Share on X", "", "© 2024 Example Media. All rights reserved.", "Privacy policy"]
        let text = (menu + ["City council approves its budget after a night of debate", ""] + article.flatMap { [$0, ""] } + footer)
            .joined(separator: "\n")
        let body = try Ingestor().ingest(text: text, id: "t").paragraphs.filter { $0.section == .body }.map(\.text)
        #expect(body == [article[0], article[1], article[3], article[5]])
    }
}
