/// A person, organization or location a document mentions, with every form used for it.
public struct Entity: Sendable, Hashable {
    /// What kind of thing it is.
    public enum Kind: String, Sendable, Hashable {
        case person, organization, location
    }

    /// One place the text names it.
    public struct Mention: Sendable, Hashable {
        /// The words as written.
        public let text: String
        /// The paragraph's index.
        public let paragraph: Int
        /// Start in the paragraph's text, in Unicode scalars.
        public let start: Int
        /// End (exclusive), in Unicode scalars.
        public let end: Int

        /// A mention of `text` at `start..<end` of paragraph `paragraph`.
        public init(text: String, paragraph: Int, start: Int, end: Int) {
            self.text = text
            self.paragraph = paragraph
            self.start = start
            self.end = end
        }
    }

    /// A stable slug of the canonical name, e.g. `tomas-ojea-quintana`, `north-korea`.
    public let id: String
    /// The canonical name: the fullest form for people, the gazetteer's for places.
    public let name: String
    /// What kind of thing it is.
    public let kind: Kind
    /// Other forms the text uses, in order of appearance.
    public let aliases: [String]
    /// Every mention, in reading order.
    public let mentions: [Mention]

    /// An entity with its forms and mentions (extraction makes these; benchmarks and tests may too).
    public init(id: String, name: String, kind: Kind, aliases: [String], mentions: [Mention]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.mentions = mentions
    }
}
