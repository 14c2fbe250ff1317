import Corpus
import DocumentModel

/// One generated story, before it is written out as raw text (for the ingestor) or turned
/// into a `Document` directly (for the search index).
public struct NewsStory: Sendable {
    /// The layout the story follows.
    public enum Template: String, Sendable, CaseIterable {
        /// An agency story: headline, byline, `CITY, Mon D (Agency) -` dateline, editing credits.
        case wire
        /// A press release: release marker, date, dateline, quote, about section, media contacts.
        case pressRelease = "press-release"
        /// A long feature with a standfirst and many quotations.
        case feature
        /// A feature as scraped from a web page: navigation and sharing links around it.
        case webPage = "web-page"
    }

    /// A place in a paragraph where the story names a person, organisation or city.
    public struct NameMention: Sendable {
        /// The canonical name (`Amina Okafor`), whatever the text wrote.
        public let name: String
        /// The entity id: the slug of the name (`amina-okafor`).
        public let id: String
        /// Person, organisation or location.
        public let kind: Entity.Kind
        /// The words as written (`Okafor` on later mentions of a person).
        public let written: String
        /// Start in the paragraph's text, in Unicode scalars.
        public let start: Int
        /// End (exclusive), in Unicode scalars.
        public let end: Int
    }

    /// One paragraph, the part of the story it belongs to, and the names it mentions.
    public struct Block: Sendable {
        /// Body, background, contacts or footer.
        public let section: Section
        /// The paragraph's text, on one line.
        public let text: String
        /// The names it mentions, in reading order.
        public let mentions: [NameMention]
    }

    /// The document id, e.g. `doc-000042`.
    public let id: String
    /// The layout.
    public let template: Template
    /// News article or press release.
    public let kind: DocumentKind
    /// The headline, 6–12 words.
    public let title: String
    /// The agency or release wire.
    public let source: String
    /// The organisation that issues a press release.
    public let issuer: String?
    /// The publication date.
    public let published: CalendarDate
    /// Where the story is filed from.
    public let place: Place
    /// The reporter, for wire stories and features.
    public let byline: String?
    /// A one-sentence summary under the headline (features and web pages only).
    public let standfirst: String?
    /// The paragraphs, in order, without the dateline (the raw text adds it to the first).
    public let blocks: [Block]
    /// The press contacts (press releases only).
    public let contacts: [Contact]
}
