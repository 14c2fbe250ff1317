import DocumentModel
@testable import Extraction
import Testing

/// When the classifier's story is trusted, and what extraction keeps on small pages written
/// for these tests: scraped pages lose their chrome, clean texts keep all their prose.
struct StoryLinesTests {
    static let article = [
        "The city council approved a new budget on Monday after a debate that lasted well into the night.",
        "The mayor said the plan would fund two new schools and a health clinic in the northern districts.",
        "“This is a good day for every family in this city,” she told reporters after the final vote.",
        "Opponents argued that the tax rise would hurt small businesses that are still recovering this year.",
    ]
    static let headline = "City council approves its budget after a night of debate"
    static let menu = ["Home", "World", "Business", "Sport", "", "Subscribe | Sign in"]
    static let footer = ["Share on Facebook", "Share on X", "", "© 2024 Example Media. All rights reserved.", "Privacy policy", "Cookie settings"]

    private func story(_ lines: [String]) -> StoryLines? {
        let slices = ArraySlice(lines.map { Substring($0) })
        return StoryLines(classifying: slices, with: BodyLineClassifier(model: .standard))
    }

    private func body(_ text: String) throws -> [String] {
        try Ingestor().ingest(text: text, id: "t").paragraphs.filter { $0.section == .body }.map(\.text)
    }

    /// Menu, headline, article and footer: the classifier's story is the article's lines.
    @Test func trustsTheStoryOfAScrapedPage() throws {
        let lines = Self.menu + ["", Self.headline, ""] + Self.article.flatMap { [$0, ""] } + Self.footer
        let story = try #require(self.story(lines))
        let kept = story.range.filter { !story.leftOut.contains($0) && !lines[$0].isEmpty }.map { lines[$0] }
        #expect(kept == Self.article)
    }

    @Test func extractsTheArticleOfAScrapedPage() throws {
        let text = (Self.menu + ["", Self.headline, ""] + Self.article.flatMap { [$0, ""] } + Self.footer).joined(separator: "\n")
        #expect(try self.body(text) == Self.article)
        #expect(try Ingestor().ingest(text: text, id: "t").title == Self.headline)
    }

    /// Blank lines and a metadata line before a scraped page: the story and the layout count
    /// the same lines, so the headline, the article and nothing else come out.
    @Test func extractsTheArticleAfterAMetadataLineAndBlankLines() throws {
        let page = (Self.menu + ["", Self.headline, ""] + Self.article.flatMap { [$0, ""] } + Self.footer).joined(separator: "\n")
        let document = try Ingestor().ingest(text: "\n\n\ndate 2024-03-02 Example Media, LYON\n" + page, id: "t")
        #expect(document.bodyParagraphs.map(\.text) == Self.article)
        #expect(document.title == Self.headline)
        #expect(document.published == "2024-03-02")
    }

    /// One long paragraph: the classifier keeps nothing, so the rules read the page.
    @Test func distrustsAStoryWithoutProse() throws {
        let paragraph = Self.article.joined(separator: " ")
        #expect(self.story([paragraph]) == nil)
        #expect(try self.body(paragraph) == [paragraph])
    }

    /// Paragraphs only, as seeds and API clients send them: nothing looks like chrome.
    @Test(arguments: [
        Self.article.joined(separator: "\n\n"),
        Self.article.prefix(3).joined(separator: "\n"),
        Self.headline + "\n" + Self.article.joined(separator: "\n"),
    ])
    func keepsAllTheProseOfACleanText(_ text: String) throws {
        #expect(self.story(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) == nil)
        let body = try self.body(text).joined(separator: " ")
        for sentence in Self.article where text.contains(sentence) {
            #expect(body.contains(sentence), "lost '\(sentence.prefix(30))'")
        }
    }

    /// A clean text's headline is still the title, not the lede.
    @Test func findsTheHeadlineOfACleanTextWithoutBlankLines() throws {
        let document = try Ingestor().ingest(text: Self.headline + "\n" + Self.article.joined(separator: "\n"), id: "t")
        #expect(document.title == Self.headline)
        #expect(!document.isTitleDerived)
    }

    /// A press release scraped with its site: the background and media contacts after the
    /// story survive, although the classifier calls contact lines chrome.
    @Test func keepsAPressReleasesContactsAfterTheStory() throws {
        let text = (Self.menu + ["", "PRESS RELEASE", "", Self.headline, ""] + Self.article.flatMap { [$0, ""] }
            + ["Media contacts", "", "In London: Jo Ellison, +44 20 7946 0958, jo.ellison@example.org", ""] + Self.footer)
            .joined(separator: "\n")
        let document = try Ingestor().ingest(text: text, id: "t")
        #expect(document.paragraphs.filter { $0.section == .body }.map(\.text) == Self.article)
        #expect(document.paragraphs.filter { $0.section == .contacts }.map(\.text).first?.hasPrefix("In London: Jo Ellison") == true)
        #expect(document.contacts.map(\.name) == ["Jo Ellison"])
    }
}
